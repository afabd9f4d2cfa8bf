import type { Labels, SeriesQuotaUsage } from '../../lib/protocol';
import { seriesKey } from '../../lib/series/series-key';
import type { StoredSample } from './sample';
import type { RecentSeries, SeriesReader } from './series-reader';
import { SeriesWindow } from './series-window';
import {
  SeriesQuotas,
  describeQuota,
  resolveSeriesLimits,
  sourceOwner,
  type SeriesLimits,
  type SeriesOwner,
} from './series-quotas';

export interface StoredSeries extends RecentSeries {
  window: SeriesWindow;
}

interface HeldSeries extends StoredSeries {
  owner: SeriesOwner;
  lastWriteAt: number;
}

export interface MemoryStoreOptions {
  pointsPerSeries: number;
  /** The total series limit, when `limits` does not give one. */
  maxSeries?: number;
  limits?: Partial<SeriesLimits>;
  now?: () => number;
}

export interface AppendResult {
  /** What was kept: every sample but those of new series that no quota had room for. */
  kept: readonly StoredSample[];
  dropped: number;
  /** The quota that refused them. */
  denial?: SeriesQuotaUsage;
}

export class SeriesLimitError extends Error {
  constructor(readonly quota: SeriesQuotaUsage) {
    super(`${describeQuota(quota)}; no new series can be added until idle ones are evicted`);
  }
}

/** Whoever writes without saying who they are (tests, tools). */
const DIRECT = sourceOwner('direct');

/** Recent samples of every series, indexed by metric name for panel queries. */
export class MemoryStore implements SeriesReader {
  private readonly series = new Map<string, HeldSeries>();
  private readonly byMetric = new Map<string, Set<HeldSeries>>();
  private readonly quotas: SeriesQuotas;
  private readonly now: () => number;
  private outOfOrder = 0;

  constructor(private readonly options: MemoryStoreOptions) {
    this.quotas = new SeriesQuotas(
      resolveSeriesLimits({ ...options.limits, total: options.limits?.total ?? options.maxSeries }),
    );
    this.now = options.now ?? Date.now;
  }

  get seriesCount(): number {
    return this.series.size;
  }

  get outOfOrderSamples(): number {
    return this.outOfOrder;
  }

  get limits(): SeriesLimits {
    return this.quotas.limits;
  }

  /** Each quota with how much of it is used. */
  quotaUsage(): SeriesQuotaUsage[] {
    return this.quotas.report();
  }

  /** The quota that keeps this owner from adding a series now, if any. */
  quotaDenial(owner: SeriesOwner): SeriesQuotaUsage | undefined {
    return this.quotas.denial(owner);
  }

  /** Throws SeriesLimitError before touching anything when the batch would break a quota. */
  assertRoomFor(samples: readonly StoredSample[], owner: SeriesOwner = DIRECT): void {
    const fresh = new Set<string>();
    for (const sample of samples) {
      const key = seriesKey(sample.metric, sample.labels);
      if (!this.series.has(key)) fresh.add(key);
    }
    const denial = this.quotas.denial(owner, fresh.size);
    if (denial) throw new SeriesLimitError(denial);
  }

  /** Appends what it can: samples of a new series that no quota has room for are dropped. */
  append(samples: readonly StoredSample[], owner: SeriesOwner = DIRECT): AppendResult {
    const at = this.now();
    const result: AppendResult = { kept: samples, dropped: 0 };
    let kept: StoredSample[] | undefined;
    samples.forEach((sample, index) => {
      const stored = this.seriesFor(sample.metric, sample.labels, owner, result);
      if (!stored) {
        kept ??= samples.slice(0, index);
        return;
      }
      kept?.push(sample);
      stored.lastWriteAt = at;
      if (!stored.window.append(sample.ts, sample.value)) this.outOfOrder++;
    });
    return kept ? { ...result, kept } : result;
  }

  /** Forgets series not written since `idleMs` ago; their history stays on disk. */
  evictIdle(idleMs: number): number {
    const before = this.now() - idleMs;
    let evicted = 0;
    for (const [key, stored] of this.series) {
      if (stored.lastWriteAt > before) continue;
      this.series.delete(key);
      const group = this.byMetric.get(stored.metric);
      group?.delete(stored);
      if (group?.size === 0) this.byMetric.delete(stored.metric);
      this.quotas.remove(stored.owner);
      evicted++;
    }
    return evicted;
  }

  select(metric: string, matchers: Readonly<Record<string, string>>): StoredSeries[] {
    const candidates = this.byMetric.get(metric);
    if (!candidates) return [];
    const matches: StoredSeries[] = [];
    for (const candidate of candidates) {
      const ok = Object.entries(matchers).every(
        ([name, value]) => candidate.labels[name] === value,
      );
      if (ok) matches.push(candidate);
    }
    return matches;
  }

  metricNames(): string[] {
    return [...this.byMetric.keys()];
  }

  byteSize(): number {
    let total = 0;
    for (const stored of this.series.values()) total += stored.window.byteSize;
    return total;
  }

  private seriesFor(
    metric: string,
    labels: Labels,
    owner: SeriesOwner,
    result: AppendResult,
  ): HeldSeries | undefined {
    const key = seriesKey(metric, labels);
    const existing = this.series.get(key);
    if (existing) {
      if (existing.owner.scope === 'restored' && owner.scope !== 'restored')
        this.claim(existing, owner);
      return existing;
    }
    const denial = this.quotas.denial(owner);
    if (denial) {
      result.dropped++;
      result.denial = denial;
      return undefined;
    }
    return this.create(key, metric, labels, owner);
  }

  /** A series restored from history belongs to the first writer with room for it. */
  private claim(stored: HeldSeries, owner: SeriesOwner): void {
    // Moving a series leaves the total as it is, so only the owner's and the pool's quotas count.
    const denial = this.quotas.denial(owner);
    if (denial && denial.scope !== 'total') return;
    this.quotas.remove(stored.owner);
    this.quotas.add(owner);
    stored.owner = owner;
  }

  private create(key: string, metric: string, labels: Labels, owner: SeriesOwner): HeldSeries {
    const window = new SeriesWindow(this.options.pointsPerSeries);
    const created: HeldSeries = {
      key,
      metric,
      labels: { ...labels },
      window,
      range: (from, to) => window.range(from, to),
      observedIntervalMs: () => window.observedIntervalMs(),
      owner,
      lastWriteAt: this.now(),
    };
    this.series.set(key, created);
    this.quotas.add(owner);
    let group = this.byMetric.get(metric);
    if (!group) {
      group = new Set();
      this.byMetric.set(metric, group);
    }
    group.add(created);
    return created;
  }
}
