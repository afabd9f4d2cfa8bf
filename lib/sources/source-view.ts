import type { SourceInfo, SourceState } from '../protocol';
import { formatAge, formatDateTime, formatShort } from '../format';

export interface SourceRowView {
  state: SourceState;
  /** Words beside the colour, so the state reads without it. */
  stateLabel: string;
  lastSuccess: string;
  /** The absolute time behind the relative one, for a tooltip; null when it never succeeded. */
  lastSuccessUtc: string | null;
  lastSuccessIso: string | null;
  lastError: string;
  rate: string;
  series: string;
  /** At or past its quota: new series of this source are being refused. */
  quotaFull: boolean;
}

const STATE_LABELS: Record<SourceState, string> = {
  starting: 'Starting',
  up: 'Up',
  stale: 'Stale',
  down: 'Down',
  stopped: 'Stopped',
};

/** One table row's text, read against the aggregator's clock so ages agree with its states. */
export function sourceRowView(source: SourceInfo, now: number): SourceRowView {
  const { lastSuccessAt } = source;
  return {
    state: source.state,
    stateLabel: STATE_LABELS[source.state],
    lastSuccess: lastSuccessAt === null ? 'never' : formatAge(now - lastSuccessAt),
    lastSuccessUtc: lastSuccessAt === null ? null : `${formatDateTime(lastSuccessAt)} UTC`,
    lastSuccessIso: lastSuccessAt === null ? null : new Date(lastSuccessAt).toISOString(),
    lastError: source.lastError ?? '—',
    rate: `${formatShort(source.samplesPerSecond)}/s`,
    series: `${source.series} / ${source.seriesLimit}`,
    quotaFull: source.series >= source.seriesLimit,
  };
}

/** Down first, then stale and starting, then the rest, each by id: what needs a look leads. */
export function orderSources(sources: readonly SourceInfo[]): SourceInfo[] {
  const rank: Record<SourceState, number> = { down: 0, stale: 1, starting: 2, up: 3, stopped: 4 };
  return [...sources].sort((a, b) => rank[a.state] - rank[b.state] || a.id.localeCompare(b.id));
}
