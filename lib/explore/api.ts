import { z } from 'zod';
import { AccessDeniedError } from '../aggregator-api';
import { fetchAggregator, throwIfStarting } from '../aggregator-unavailable';
import {
  MatrixResponseSchema,
  PromErrorSchema,
  matrixToPanelData,
  type MatrixResponse,
} from './matrix';
import type { ExploreWindow } from './step';
import type { PanelData } from '../protocol';

const ListSchema = z.object({ status: z.literal('success'), data: z.array(z.string()) });
const SeriesSchema = z.object({
  status: z.literal('success'),
  data: z.array(z.record(z.string(), z.string())),
});

/** The series a metric's label browser lists; a metric with more shows these. */
export const LABEL_SERIES_LIMIT = 2_000;

/** The aggregator refused the expression; `message` is its own words, meant for the user. */
export class ExpressionError extends Error {}

async function request<T>(url: string, schema: z.ZodType<T>, token?: string): Promise<T> {
  const response = await fetchAggregator(url, {
    cache: 'no-store',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (response.status === 401 || response.status === 403) {
    throw new AccessDeniedError(response.status);
  }
  await throwIfStarting(response);
  const body: unknown = await response.json().catch(() => undefined);
  const refused = PromErrorSchema.safeParse(body);
  if (!response.ok && refused.success) throw new ExpressionError(refused.data.error);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return schema.parse(body);
}

export async function fetchMetricNames(origin: string, token?: string): Promise<string[]> {
  return (await request(`${origin}/api/v1/label/__name__/values`, ListSchema, token)).data;
}

/** Label sets of a metric's series, at most LABEL_SERIES_LIMIT of them. */
export async function fetchMetricSeries(
  origin: string,
  metric: string,
  token?: string,
): Promise<Record<string, string>[]> {
  const params = new URLSearchParams({ 'match[]': metric, limit: String(LABEL_SERIES_LIMIT) });
  return (await request(`${origin}/api/v1/series?${params.toString()}`, SeriesSchema, token)).data;
}

export async function fetchRange(
  origin: string,
  expr: string,
  window: ExploreWindow,
  token?: string,
): Promise<PanelData> {
  const params = new URLSearchParams({
    query: expr,
    start: String(window.start / 1000),
    end: String(window.end / 1000),
    step: String(window.stepMs / 1000),
  });
  const url = `${origin}/api/v1/query_range?${params.toString()}`;
  const response: MatrixResponse = await request(url, MatrixResponseSchema, token);
  return matrixToPanelData(response, window);
}

/** The first paint: every metric name, and the moment the page's range is read against. */
export async function fetchExploreStart(
  origin: string,
  token?: string,
): Promise<{ names: string[]; now: number }> {
  return { names: await fetchMetricNames(origin, token), now: Date.now() };
}
