import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { z } from 'zod';
import { DashboardFileSchema, type DashboardFile } from './schema';
import { explainIssue, fieldOf, type ConfigProblem } from './problems';

export interface LoadedDashboard {
  config: DashboardFile;
  /** Each source entry as written, so an unchanged one is kept running on reload. */
  sourceInputs: unknown[];
}

export type LoadResult =
  { ok: true; dashboard: LoadedDashboard } | { ok: false; problems: ConfigProblem[] };

export async function loadDashboardFile(file: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const problem = { line: 1, column: 1, field: '', message: `cannot read the file (${code})` };
    return {
      ok: false,
      problems: [{ file, ...problem, fix: 'check the path in HEADROOM_CONFIG' }],
    };
  }
  return parseDashboard(text, file);
}

/** Parses and checks a dashboard file; every problem carries its line and column. */
export function parseDashboard(text: string, file: string): LoadResult {
  const name = path.basename(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: name, line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        ...at(error.pos[0]),
        field: '',
        message: `YAML: ${error.message.split('\n')[0] ?? error.code}`,
        fix: 'fix the YAML syntax (indentation, a missing ":" or an unclosed quote)',
      })),
    };
  }
  const raw: unknown = doc.toJS();
  const parsed = DashboardFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => place(issue, doc, at)) };
  }
  const sources = (raw as { sources?: unknown[] }).sources ?? [];
  return { ok: true, dashboard: { config: parsed.data, sourceInputs: sources } };
}

function place(
  issue: z.core.$ZodIssue,
  doc: Document,
  at: (offset: number) => Omit<ConfigProblem, 'field' | 'message' | 'fix'>,
): ConfigProblem {
  const node = nearestNode(doc, issue.path);
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const keyNode = unknownKey === undefined ? undefined : keyIn(node, unknownKey);
  const offset = keyNode?.range?.[0] ?? node?.range?.[0] ?? 0;
  const field = fieldOf(unknownKey === undefined ? issue.path : [...issue.path, unknownKey]);
  return { ...at(offset), field, ...explainIssue(issue) };
}

/** The node at the issue's path, or its nearest ancestor when the field is missing. */
function nearestNode(doc: Document, issuePath: readonly PropertyKey[]): YamlNode | undefined {
  for (let depth = issuePath.length; depth > 0; depth--) {
    const node = doc.getIn(issuePath.slice(0, depth), true);
    if (isNodeLike(node)) return node;
  }
  return isNodeLike(doc.contents) ? doc.contents : undefined;
}

function keyIn(node: YamlNode | undefined, key: string): YamlNode | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find(
    (item) => isPair(item) && isScalar(item.key) && item.key.value === key,
  );
  return isNodeLike(pair?.key) ? pair.key : undefined;
}

function isNodeLike(value: unknown): value is YamlNode {
  return typeof value === 'object' && value !== null && 'range' in value;
}
