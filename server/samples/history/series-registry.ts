import type { Database, Statement } from 'better-sqlite3';
import type { HistorySeries } from './types';

type SeriesRow = [id: number, key: string, metric: string, labels: string];

function parseLabels(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  const labels: Record<string, string> = {};
  if (typeof parsed !== 'object' || parsed === null) return labels;
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string') labels[name] = value;
  }
  return labels;
}

function toSeries([id, key, metric, labels]: SeriesRow): HistorySeries {
  return { id, key, metric, labels: parseLabels(labels) };
}

/** Series ids by key, cached so a flush touches the series table only for new series. */
export class SeriesRegistry {
  private readonly ids = new Map<string, number>();
  private readonly selectId: Statement<[string], number>;
  private readonly insert: Statement<[string, string, string]>;
  private readonly selectByMetric: Statement<[string], SeriesRow>;
  private readonly selectMetrics: Statement<[], string>;

  constructor(db: Database) {
    this.selectId = db.prepare<[string], number>('SELECT id FROM series WHERE key = ?').pluck();
    this.insert = db.prepare('INSERT INTO series (key, metric, labels) VALUES (?, ?, ?)');
    this.selectByMetric = db
      .prepare<[string], SeriesRow>(
        'SELECT id, key, metric, labels FROM series WHERE metric = ? ORDER BY key',
      )
      .raw();
    this.selectMetrics = db.prepare<[], string>('SELECT DISTINCT metric FROM series').pluck();
  }

  /** Must run inside the flush transaction; call `forgetUncommitted` if that transaction fails. */
  idFor(key: string, metric: string, labels: Readonly<Record<string, string>>): number {
    const cached = this.ids.get(key);
    if (cached !== undefined) return cached;
    const id =
      this.selectId.get(key) ??
      Number(this.insert.run(key, metric, JSON.stringify(labels)).lastInsertRowid);
    this.ids.set(key, id);
    return id;
  }

  /** Ids handed out inside a rolled-back transaction no longer exist. */
  forgetUncommitted(): void {
    this.ids.clear();
  }

  metricNames(): string[] {
    return this.selectMetrics.all();
  }

  byMetric(metric: string): HistorySeries[] {
    return this.selectByMetric.all(metric).map(toSeries);
  }
}
