import { z } from 'zod';
import {
  MAX_TAGS,
  TAG,
  type Annotation,
  type AnnotationCreate,
  type AnnotationDeleteRequest,
  type AnnotationList,
  type AnnotationQuery,
  type AnnotationUpdateRequest,
} from './protocol-annotations';
import type { WallFocusState } from './protocol-wall';
import { LabelFilterParamSchema, PanelFilterStateSchema } from './protocol-filter';
import { TimestampParamSchema } from './protocol-time';
import { SOURCE_STATES } from './protocol-sources';
import { UnitSchema } from './units/names';

export * from './protocol-annotations';
export * from './protocol-access';
export * from './protocol-filter';
export * from './protocol-time';
export * from './protocol-sources';
export * from './protocol-wall';

export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const MAX_LABELS = 32;
export const MAX_LABEL_VALUE_LENGTH = 256;
export const MAX_SAMPLES_PER_INGEST = 10_000;
export const MAX_QUERY_POINTS = 5_000;

const LabelRecordSchema = z
  .record(
    z.string().regex(LABEL_NAME, 'label names must match [a-zA-Z_][a-zA-Z0-9_]*'),
    z.string().max(MAX_LABEL_VALUE_LENGTH),
  )
  .refine((labels) => Object.keys(labels).length <= MAX_LABELS, {
    message: `at most ${MAX_LABELS} labels per series`,
  });

/**
 * Names starting with "__" are reserved, as in Prometheus; checked before the record because a zod
 * record skips an own "__proto__" key without a word, and that label would be lost.
 */
export const LabelsSchema = z.preprocess((input, context) => {
  if (typeof input !== 'object' || input === null) return input;
  for (const name of Object.keys(input)) {
    if (!name.startsWith('__')) continue;
    const message = 'label names starting with "__" are reserved';
    context.addIssue({ code: 'custom', path: [name], message, input });
  }
  return input;
}, LabelRecordSchema);
export type Labels = z.infer<typeof LabelsSchema>;

/** JSON has no NaN or infinities, so they travel as the strings Prometheus uses. */
/** One rule with the text formats: a numeral past float64 (1e309) is refused, not read as Inf. */
export const WireValueSchema = z.union([z.number(), z.enum(['NaN', '+Inf', '-Inf'])], {
  error: () =>
    'expected a finite float64 number or "NaN", "+Inf", "-Inf"; a numeral beyond the float64 ' +
    'range (such as 1e309) is refused: write "+Inf" or "-Inf"',
});
export type WireValue = z.infer<typeof WireValueSchema>;

export const IngestSampleSchema = z.strictObject({
  metric: z.string().regex(METRIC_NAME, 'metric names must match [a-zA-Z_:][a-zA-Z0-9_:]*'),
  labels: LabelsSchema.default({}),
  value: WireValueSchema,
  ts: z.number().int().positive().optional(),
});
export type IngestSample = z.infer<typeof IngestSampleSchema>;

export const IngestRequestSchema = z.strictObject({
  samples: z.array(IngestSampleSchema).min(1).max(MAX_SAMPLES_PER_INGEST),
});

export const AGGREGATIONS = ['avg', 'sum', 'min', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export { UNITS, UnitSchema, type Unit } from './units/names';

export const PANEL_DISPLAYS = ['lines', 'heatmap'] as const;
export type PanelDisplay = (typeof PANEL_DISPLAYS)[number];

export const PANEL_FORECASTS = ['none', 'queue-drain'] as const;
export type PanelForecast = (typeof PANEL_FORECASTS)[number];

export const StructuredQuerySchema = z.strictObject({
  metric: z.string().regex(METRIC_NAME),
  matchers: z.record(z.string().regex(LABEL_NAME), z.string()).default({}),
  aggregation: z.enum(AGGREGATIONS),
  by: z.array(z.string().regex(LABEL_NAME)).default([]),
});
export type StructuredQuery = z.infer<typeof StructuredQuerySchema>;

/** A PromQL expression over Headroom's own store, or over the prometheus-api source `source`. */
export const PromqlQuerySchema = z.strictObject({
  expr: z.string().min(1).max(4_096),
  source: z.string().min(1).optional(),
});
export type PromqlQuery = z.infer<typeof PromqlQuerySchema>;

export const PanelQuerySchema = z.union([StructuredQuerySchema, PromqlQuerySchema]);
export type PanelQuery = z.infer<typeof PanelQuerySchema>;

export const isPromqlQuery = (query: PanelQuery): query is PromqlQuery => 'expr' in query;

export const PanelSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  description: z.string().default(''),
  unit: UnitSchema,
  query: PanelQuerySchema,
  expectedIntervalMs: z.number().int().positive(),
  thresholds: z
    .strictObject({ warning: z.number().optional(), critical: z.number().optional() })
    .default({}),
  /** Annotations tagged with any of these are drawn on the panel. */
  tags: z.array(z.string().regex(TAG)).max(MAX_TAGS).default([]),
  /** Lines over time, or a grid of each series' latest value (one row per node, say). */
  display: z.enum(PANEL_DISPLAYS).default('lines'),
  /** A derived signal drawn beyond now; `queue-drain` projects depth at its current rate. */
  forecast: z.enum(PANEL_FORECASTS).default('none'),
});
export type Panel = z.infer<typeof PanelSchema>;

export const PointSchema = z.tuple([z.number(), WireValueSchema]);
export type Point = z.infer<typeof PointSchema>;

export const SeriesSchema = z.strictObject({
  key: z.string(),
  labels: LabelsSchema,
  points: z.array(PointSchema),
});
export type Series = z.infer<typeof SeriesSchema>;

export const PanelDataSchema = z.strictObject({
  panelId: z.string(),
  from: z.number(),
  to: z.number(),
  stepMs: z.number(),
  /** Timestamp of the newest raw sample behind the panel, up to `to`: what freshness is about. */
  newestSampleAt: z.number().nullable(),
  series: z.array(SeriesSchema),
  /** Present when the query asked for a filter: whether this panel could be narrowed by it. */
  filter: PanelFilterStateSchema.optional(),
});
export type PanelData = z.infer<typeof PanelDataSchema>;

export const PanelBatchSchema = z.strictObject({
  panelId: z.string(),
  seq: z.number().int().nonnegative(),
  ts: z.number(),
  stepMs: z.number(),
  newestSampleAt: z.number().nullable(),
  series: z.array(SeriesSchema),
});
export type PanelBatch = z.infer<typeof PanelBatchSchema>;

/** A part of a large subscribe catch-up, sent in time order before the ack carries the rest. */
export const CatchUpChunkSchema = z.strictObject({
  panelId: z.string(),
  stepMs: z.number(),
  /** First and last step this part covers. */
  from: z.number(),
  to: z.number(),
  series: z.array(SeriesSchema),
});
export type CatchUpChunk = z.infer<typeof CatchUpChunkSchema>;

export const SubscribeRequestSchema = z.strictObject({
  panelIds: z.array(z.string()).min(1).max(100),
  /**
   * Per panel, the newest timestamp the client already holds: the ack, and any catch-up parts sent
   * before it, carry what came after. A repeated panel id counts once.
   */
  since: z.record(z.string(), z.number()).optional(),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequestSchema>;

export const ERROR_CODES = [
  'invalid_request',
  'unknown_panel',
  'not_found',
  'unauthorized',
  'forbidden',
  'forbidden_origin',
  'forbidden_host',
  'rate_limited',
  'conflict',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'series_limit',
  'storage_unavailable',
  'query_too_expensive',
  'query_timeout',
  'source_unavailable',
  'starting',
  'shutting_down',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody['error'] };

export const SubscribeResultSchema = z.strictObject({
  panels: z.array(
    z.strictObject({
      panelId: z.string(),
      seq: z.number().int().nonnegative(),
      newestSampleAt: z.number().nullable(),
      /** First timestamp the catch-up covers: past `since` + 1 when older data was left out. */
      catchUpFrom: z.number(),
      catchUp: z.array(SeriesSchema),
    }),
  ),
});
export type SubscribeResult = z.infer<typeof SubscribeResultSchema>;

export interface ServerToClientEvents {
  'samples:batch': (batch: PanelBatch) => void;
  'samples:catchup': (chunk: CatchUpChunk) => void;
  'annotation:upsert': (annotation: Annotation) => void;
  'annotation:delete': (request: AnnotationDeleteRequest) => void;
  /** The dashboard file changed the panel list: refetch GET /api/panels. */
  'panels:changed': (change: PanelsChanged) => void;
  /** Wallboards show this incident, or go back to their own panels when it is null. */
  'wall:focus': (state: WallFocusState) => void;
}

export interface ClientToServerEvents {
  'panels:subscribe': (
    request: SubscribeRequest,
    ack: (result: Ack<SubscribeResult>) => void,
  ) => void;
  'panels:unsubscribe': (request: SubscribeRequest, ack: (result: Ack<null>) => void) => void;
  'annotations:list': (query: AnnotationQuery, ack: (result: Ack<AnnotationList>) => void) => void;
  'annotation:create': (input: AnnotationCreate, ack: (result: Ack<Annotation>) => void) => void;
  'annotation:update': (
    request: AnnotationUpdateRequest,
    ack: (result: Ack<Annotation>) => void,
  ) => void;
  'annotation:delete': (request: AnnotationDeleteRequest, ack: (result: Ack<null>) => void) => void;
}

export const SeriesQuotaUsageSchema = z.strictObject({
  scope: z.enum(['total', 'ingest', 'sources', 'source', 'caller', 'restored']),
  name: z.string(),
  used: z.number().int(),
  limit: z.number().int(),
});
export type SeriesQuotaUsage = z.infer<typeof SeriesQuotaUsageSchema>;

export const STORAGE_STATES = ['ok', 'failing'] as const;

/** Whether the history store can write, and how much waits unsaved in memory. */
export const StorageHealthSchema = z.strictObject({
  state: z.enum(STORAGE_STATES),
  reason: z.string().nullable(),
  code: z.string().nullable(),
  since: z.number().nullable(),
  bufferedSamples: z.number().int(),
  bufferLimit: z.number().int(),
  droppedSamples: z.number().int(),
});
export type StorageHealth = z.infer<typeof StorageHealthSchema>;

/** How far start-up has got: `done` runs from 0 to 1, null while unknown. */
export const StartupProgressSchema = z.strictObject({
  phase: z.string(),
  done: z.number().min(0).max(1).nullable(),
});
export type StartupProgress = z.infer<typeof StartupProgressSchema>;

export const HealthSchema = z.strictObject({
  /** `starting` (answered 503) until the aggregator serves data; `ok` and `degraded` answer 200. */
  status: z.enum(['starting', 'ok', 'degraded']),
  /** Why the status is degraded, one line each; empty when ok. */
  reasons: z.array(z.string()),
  version: z.string(),
  uptimeSeconds: z.number(),
  series: z.number().int(),
  seriesQuotas: z.array(SeriesQuotaUsageSchema),
  /** Present while the aggregator is starting. */
  progress: StartupProgressSchema.optional(),
  /** Absent when the aggregator keeps no history on disk. */
  storage: StorageHealthSchema.optional(),
  /** Absent without a dashboard file (HEADROOM_CONFIG). */
  config: z
    .strictObject({
      file: z.string(),
      loadedAt: z.number().nullable(),
      /** Why the file on disk is not the running config, one line per problem. */
      error: z.string().optional(),
    })
    .optional(),
  sources: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      state: z.enum(SOURCE_STATES),
      lastSampleAt: z.number().nullable(),
      samples: z.number().int(),
    }),
  ),
});
export type Health = z.infer<typeof HealthSchema>;

export const PanelsResponseSchema = z.strictObject({ panels: z.array(PanelSchema) });

export const PanelsChangedSchema = z.strictObject({
  version: z.number().int(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
});
export type PanelsChanged = z.infer<typeof PanelsChangedSchema>;

export const QueryParamsSchema = z
  .strictObject({
    panel: z.string().min(1),
    from: TimestampParamSchema,
    to: TimestampParamSchema,
    points: z.coerce.number().int().min(2).max(MAX_QUERY_POINTS).default(600),
    filter: LabelFilterParamSchema.optional(),
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['from'] });
export type QueryParams = z.infer<typeof QueryParamsSchema>;
