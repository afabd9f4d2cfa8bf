import type { SeriesQuotaUsage } from '../../lib/protocol';

/** Who created a series: a source, an ingest caller, or nobody yet (restored from history). */
export interface SeriesOwner {
  id: string;
  scope: 'source' | 'caller' | 'restored';
  /** As messages, health and metrics name it: the source id or the token's name. */
  name: string;
  pool: 'sources' | 'ingest';
}

export interface SeriesLimits {
  /** Every series in memory together. */
  total: number;
  /** All ingest callers together; the rest of `total` is kept for the sources. */
  ingest: number;
  /** One ingest token, or the local user. */
  perCaller: number;
  /** One source. */
  perSource: number;
}

export const DEFAULT_MAX_SERIES = 20_000;

/** Fills in what is not given from the total, and refuses limits that cannot all hold. */
export function resolveSeriesLimits(given: Partial<SeriesLimits> = {}): SeriesLimits {
  const total = given.total ?? DEFAULT_MAX_SERIES;
  const ingest = given.ingest ?? Math.floor(total / 2);
  const limits = {
    total,
    ingest,
    perCaller: given.perCaller ?? Math.max(1, Math.floor(ingest / 2)),
    perSource: given.perSource ?? total - ingest,
  };
  if (limits.ingest >= limits.total)
    throw new Error(`the ingest share (${ingest}) must be below the series limit (${total})`);
  if (limits.perCaller > limits.ingest)
    throw new Error(
      `the per-caller quota (${limits.perCaller}) exceeds the ingest share (${ingest})`,
    );
  if (limits.perSource > total - ingest)
    throw new Error(
      `the per-source quota (${limits.perSource}) exceeds the sources' share (${total - ingest})`,
    );
  return limits;
}

export const RESTORED: SeriesOwner = {
  id: 'restored',
  scope: 'restored',
  name: 'restored from history',
  pool: 'ingest',
};

export const sourceOwner = (id: string): SeriesOwner => ({
  id: `source:${id}`,
  scope: 'source',
  name: id,
  pool: 'sources',
});

export const callerOwner = (tokenId: string | null, name: string | null): SeriesOwner => ({
  id: tokenId === null ? 'caller:local' : `caller:${tokenId}`,
  scope: 'caller',
  name: name ?? 'local',
  pool: 'ingest',
});

/** Counts series per owner, per pool and in all, against their limits. */
export class SeriesQuotas {
  private readonly owners = new Map<string, { owner: SeriesOwner; used: number }>();
  private readonly pools = { sources: 0, ingest: 0 };
  private all = 0;

  constructor(readonly limits: SeriesLimits) {}

  get total(): number {
    return this.all;
  }

  /** The first quota that `fresh` more series of this owner would break, if any. */
  denial(owner: SeriesOwner, fresh = 1): SeriesQuotaUsage | undefined {
    if (fresh === 0) return undefined;
    const own = this.usage(owner);
    const pool = this.poolUsage(owner.pool);
    const total = this.totalUsage();
    return [own, pool, total].find((quota) => quota.used + fresh > quota.limit);
  }

  add(owner: SeriesOwner): void {
    this.shift(owner, 1);
  }

  remove(owner: SeriesOwner): void {
    this.shift(owner, -1);
  }

  /** Every quota with its use: the total, both pools, then each owner holding series. */
  report(): SeriesQuotaUsage[] {
    const owners = [...this.owners.values()].map(({ owner }) => this.usage(owner));
    return [this.totalUsage(), this.poolUsage('ingest'), this.poolUsage('sources'), ...owners];
  }

  private usage(owner: SeriesOwner): SeriesQuotaUsage {
    const limit = {
      source: this.limits.perSource,
      caller: this.limits.perCaller,
      restored: this.limits.ingest,
    }[owner.scope];
    const used = this.owners.get(owner.id)?.used ?? 0;
    return { scope: owner.scope, name: owner.name, used, limit };
  }

  private poolUsage(pool: SeriesOwner['pool']): SeriesQuotaUsage {
    const limit = pool === 'ingest' ? this.limits.ingest : this.limits.total - this.limits.ingest;
    return { scope: pool, name: pool, used: this.pools[pool], limit };
  }

  private totalUsage(): SeriesQuotaUsage {
    return { scope: 'total', name: 'total', used: this.all, limit: this.limits.total };
  }

  private shift(owner: SeriesOwner, by: 1 | -1): void {
    const entry = this.owners.get(owner.id) ?? { owner, used: 0 };
    entry.used += by;
    if (entry.used > 0) this.owners.set(owner.id, entry);
    else this.owners.delete(owner.id);
    this.pools[owner.pool] += by;
    this.all += by;
  }
}

const SCOPE_NAMES: Record<SeriesQuotaUsage['scope'], (name: string) => string> = {
  total: () => 'the series limit (HEADROOM_MAX_SERIES)',
  ingest: () => 'the ingest share (HEADROOM_INGEST_MAX_SERIES)',
  sources: () => "the sources' share",
  source: (name) => `the quota of source "${name}" (HEADROOM_SERIES_PER_SOURCE)`,
  caller: (name) => `the quota of ingest caller "${name}" (HEADROOM_SERIES_PER_CALLER)`,
  restored: () => 'the share of series restored from history',
};

/** "the quota of ingest caller "ci" (…) holds 5000 of 5000 series". */
export function describeQuota(quota: SeriesQuotaUsage): string {
  return `${SCOPE_NAMES[quota.scope](quota.name)} holds ${quota.used} of ${quota.limit} series`;
}

/** One line per full quota, for health: a full quota means new series are being refused. */
export function fullQuotaReasons(report: readonly SeriesQuotaUsage[]): string[] {
  return report
    .filter((quota) => quota.used >= quota.limit)
    .map((quota) => `${describeQuota(quota)}: new series are refused`);
}
