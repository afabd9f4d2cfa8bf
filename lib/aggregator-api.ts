import { z } from 'zod';
import {
  AnnotationListSchema,
  AnnotationSchema,
  PanelDataSchema,
  PanelsResponseSchema,
  SessionSchema,
  SourcesResponseSchema,
  type Annotation,
  type AnnotationQuery,
  type Panel,
  type PanelData,
  type Session,
  type SourcesResponse,
} from './protocol';
import { formatLabelFilter, type LabelFilter } from './protocol-filter';
import { fetchAggregator, throwIfStarting } from './aggregator-unavailable';
import { pointsFor } from './series/chart-points';
import { parseTimeRange, rangeKey, resolveRange, type TimeRange } from './time-range';

export interface DashboardSnapshot {
  panels: Panel[];
  data: Record<string, PanelData>;
  annotations: Annotation[];
  now: number;
  /** The range the data was fetched for, as it keys the query cache. */
  rangeKey: string;
}

/** The aggregator wants a token this request did not carry, or a role it does not have. */
export class AccessDeniedError extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? 'an access token is needed' : 'this token may not read the dashboard');
  }
}

export class NotFoundError extends Error {}

async function getJson<T>(url: string, schema: z.ZodType<T>, token?: string): Promise<T> {
  const response = await fetchAggregator(url, {
    cache: 'no-store',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (response.status === 401 || response.status === 403) {
    throw new AccessDeniedError(response.status);
  }
  if (response.status === 404) throw new NotFoundError(`GET ${url} answered 404`);
  await throwIfStarting(response);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

export function fetchSession(origin: string, token?: string): Promise<Session> {
  return getJson(`${origin}/api/session`, SessionSchema, token);
}

export async function fetchAnnotations(
  origin: string,
  query: AnnotationQuery,
  token?: string,
): Promise<Annotation[]> {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, String(value)]],
    ),
  );
  const { annotations } = await getJson(
    `${origin}/api/annotations?${params.toString()}`,
    AnnotationListSchema,
    token,
  );
  return annotations;
}

export function fetchAnnotation(origin: string, id: string, token?: string): Promise<Annotation> {
  return getJson(`${origin}/api/annotations/${encodeURIComponent(id)}`, AnnotationSchema, token);
}

export function fetchSources(origin: string, token?: string): Promise<SourcesResponse> {
  return getJson(`${origin}/api/sources`, SourcesResponseSchema, token);
}

export async function fetchPanels(origin: string, token?: string): Promise<Panel[]> {
  return (await getJson(`${origin}/api/panels`, PanelsResponseSchema, token)).panels;
}

export function fetchPanelData(
  origin: string,
  panel: Pick<Panel, 'id' | 'expectedIntervalMs'>,
  from: number,
  to: number,
  token?: string,
  filter?: LabelFilter,
  points = pointsFor(panel, from, to),
): Promise<PanelData> {
  const params = new URLSearchParams({
    panel: panel.id,
    from: String(Math.round(from)),
    to: String(Math.round(to)),
    points: String(points),
  });
  if (filter) params.set('filter', formatLabelFilter(filter));
  return getJson(`${origin}/api/query?${params.toString()}`, PanelDataSchema, token);
}

/** Everything the first paint needs, in one round of parallel requests. */
export async function fetchDashboardSnapshot(
  origin: string,
  range: TimeRange,
  now = Date.now(),
  token?: string,
): Promise<DashboardSnapshot> {
  const panels = await fetchPanels(origin, token);
  const { from, to } = resolveRange(range, now);
  const [annotations, ...entries] = await Promise.all([
    fetchAnnotations(origin, { from, to }, token),
    ...panels.map(
      async (panel) => [panel.id, await fetchPanelData(origin, panel, from, to, token)] as const,
    ),
  ]);
  return {
    panels,
    data: Object.fromEntries(entries),
    annotations,
    now,
    rangeKey: rangeKey(range),
  };
}

/** The first paint for a URL's `from`/`to`, read as of now. */
export function fetchDashboardForUrl(
  origin: string,
  params: { from?: string; to?: string },
  token?: string,
): Promise<DashboardSnapshot> {
  const now = Date.now();
  return fetchDashboardSnapshot(origin, parseTimeRange(params, now), now, token);
}
