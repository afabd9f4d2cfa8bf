import { z } from 'zod';
import { MAX_LABEL_VALUE_LENGTH } from '../../../lib/protocol';
import type { StoredSample } from '../../samples/sample';
import type { SqlQuery } from './config';

/** A result that does not have the shape its query promised; the message says what to change. */
export class ResultShapeError extends Error {}

/** pg returns bigint and numeric as strings so as not to lose digits; a float64 is enough here. */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$|^(NaN|[+-]?Infinity)$/i;
const ValueSchema = z.union([z.number(), z.string().regex(NUMERIC).transform(Number)]);
const LabelValueSchema = z.union([
  z.string().max(MAX_LABEL_VALUE_LENGTH),
  z.number().transform(String),
]);
const RowsSchema = z.array(z.record(z.string(), z.unknown()));

export function samplesFromResult(
  query: SqlQuery,
  result: { rows: unknown; fields: readonly { name: string }[] },
  ts: number,
): StoredSample[] {
  const columns = result.fields.map((field) => field.name);
  const rows = RowsSchema.parse(result.rows);
  for (const column of query.labelColumns) {
    if (!columns.includes(column))
      throw new ResultShapeError(
        `label column "${column}" is not in the result (${list(columns)})`,
      );
  }
  const valueColumn = pickValueColumn(query, columns);
  if (query.labelColumns.length === 0 && rows.length !== 1)
    throw new ResultShapeError(
      `returned ${rows.length} rows; without labelColumns a query must return exactly one row`,
    );
  const seen = new Set<string>();
  return rows.map((row) => {
    const labels = labelsOf(query.labelColumns, row);
    const key = JSON.stringify(labels);
    if (seen.has(key)) throw new ResultShapeError(`two rows have the labels ${key}`);
    seen.add(key);
    return { metric: query.metric, labels, ts, value: valueOf(valueColumn, row[valueColumn]) };
  });
}

function pickValueColumn(query: SqlQuery, columns: string[]): string {
  if (query.valueColumn) {
    if (columns.includes(query.valueColumn)) return query.valueColumn;
    throw new ResultShapeError(
      `value column "${query.valueColumn}" is not in the result (${list(columns)})`,
    );
  }
  const rest = columns.filter((column) => !query.labelColumns.includes(column));
  const [only] = rest;
  if (only !== undefined && rest.length === 1) return only;
  throw new ResultShapeError(
    `the result has ${rest.length} columns besides labels (${list(rest)}); name one with valueColumn`,
  );
}

function labelsOf(names: readonly string[], row: Record<string, unknown>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const name of names) {
    const parsed = LabelValueSchema.safeParse(row[name]);
    if (!parsed.success)
      throw new ResultShapeError(
        `label column "${name}" holds ${shown(row[name])}, not text or a number`,
      );
    labels[name] = parsed.data;
  }
  return labels;
}

function valueOf(column: string, value: unknown): number {
  const parsed = ValueSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const hint = value === null ? ' (wrap it in COALESCE(..., 0) if none means zero)' : '';
  throw new ResultShapeError(`value column "${column}" holds ${shown(value)}, not a number${hint}`);
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return 'a timestamp';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function list(columns: readonly string[]): string {
  return columns.length === 0 ? 'no columns' : columns.join(', ');
}
