import type { SeriesQuotaUsage, SourceInfo } from '../../lib/protocol';
import type { SeriesLimits } from '../samples/series-quotas';
import type { SourceStatus } from './source';

/** Each source's status with the series it holds against its own quota. */
export function describeSources(
  statuses: readonly SourceStatus[],
  quotas: readonly SeriesQuotaUsage[],
  limits: Pick<SeriesLimits, 'perSource'>,
): SourceInfo[] {
  const held = new Map(
    quotas.filter((quota) => quota.scope === 'source').map((quota) => [quota.name, quota]),
  );
  return statuses.map((status) => {
    const quota = held.get(status.id);
    return {
      ...status,
      samplesPerSecond: Math.round(status.samplesPerSecond * 100) / 100,
      series: quota?.used ?? 0,
      seriesLimit: quota?.limit ?? limits.perSource,
    };
  });
}

/** One line per source that needs a look, for /api/health's reasons. */
export function sourceReasons(statuses: readonly SourceStatus[]): string[] {
  return statuses.flatMap((status) => {
    if (status.state === 'down') {
      return [`source "${status.id}" is down${status.lastError ? `: ${status.lastError}` : ''}`];
    }
    if (status.state === 'stale') return [`source "${status.id}" is stale`];
    return [];
  });
}
