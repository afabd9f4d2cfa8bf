import { z } from 'zod';
import { LABEL_NAME, METRIC_NAME } from '../../../lib/protocol';
import { DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS, IntervalSchema } from '../polling/interval';

export const SqlQuerySchema = z
  .strictObject({
    metric: z.string().regex(METRIC_NAME, 'metric names must match [a-zA-Z_:][a-zA-Z0-9_:]*'),
    sql: z.string().min(1),
    /** The column holding the number; needed only when the result has other columns than labels. */
    valueColumn: z.string().min(1).optional(),
    /** Columns that become labels, one series per row; without them the query returns one row. */
    labelColumns: z
      .array(z.string().regex(LABEL_NAME, 'label columns must be valid label names'))
      .default([]),
  })
  .refine((query) => !query.valueColumn || !query.labelColumns.includes(query.valueColumn), {
    message: 'valueColumn cannot also be a label column',
  });
export type SqlQuery = z.infer<typeof SqlQuerySchema>;

export const PostgresSourceConfigSchema = z.strictObject({
  kind: z.literal('postgres'),
  id: z.string().min(1),
  connectionString: z.url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// URL' }),
  interval: IntervalSchema.default(DEFAULT_INTERVAL_MS),
  /** Statement timeout of each query, and the limit on connecting. */
  timeout: IntervalSchema.default(DEFAULT_TIMEOUT_MS),
  queries: z
    .array(SqlQuerySchema)
    .min(1)
    .refine((queries) => new Set(queries.map((q) => q.metric)).size === queries.length, {
      message: 'each query needs its own metric name',
    }),
});
export type PostgresSourceConfig = z.infer<typeof PostgresSourceConfigSchema>;
