import { z } from 'zod';
import { labelsKey } from '../../../lib/series/series-key';
import type { NumericPoint } from '../../../lib/series/downsample';
import type { EvaluatedSeries } from '../../query/evaluate-panel';

/** `[seconds, "value"]`: Go spells values as strings, "NaN", "+Inf" and "-Inf" included. */
const SampleSchema = z.tuple([z.number(), z.string()]);
const MetricSchema = z.record(z.string(), z.string());

const ResultSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric: MetricSchema, values: z.array(SampleSchema) })),
  }),
  z.object({
    resultType: z.literal('vector'),
    result: z.array(z.object({ metric: MetricSchema, value: SampleSchema })),
  }),
  z.object({ resultType: z.literal('scalar'), result: SampleSchema }),
  z.object({ resultType: z.literal('string'), result: SampleSchema }),
]);

export const ApiAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('success'), data: ResultSchema }),
  z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() }),
]);
export type ApiResult = z.infer<typeof ResultSchema>;

export function sampleValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/** Milliseconds from the API's seconds, which carry the millisecond fraction exactly. */
const millis = (seconds: number): number => Math.round(seconds * 1000);

const point = ([seconds, value]: z.infer<typeof SampleSchema>): NumericPoint => [
  millis(seconds),
  sampleValue(value),
];

function series(metric: Record<string, string>, points: NumericPoint[]): EvaluatedSeries {
  return { key: labelsKey(metric), labels: metric, points };
}

/** An answer as the panel's series, sorted by key like Headroom's own evaluation. */
export function toSeries(result: ApiResult): EvaluatedSeries[] {
  const all = ((): EvaluatedSeries[] => {
    switch (result.resultType) {
      case 'matrix':
        return result.result.map((entry) => series(entry.metric, entry.values.map(point)));
      case 'vector':
        return result.result.map((entry) => series(entry.metric, [point(entry.value)]));
      case 'scalar':
        return [series({}, [point(result.result)])];
      case 'string':
        return [];
      default: {
        const never: never = result;
        return never;
      }
    }
  })();
  return all.sort((a, b) => a.key.localeCompare(b.key));
}
