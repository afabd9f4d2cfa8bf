import type { Database, Statement } from 'better-sqlite3';
import {
  AnnotationSchema,
  type Annotation,
  type AnnotationQueryParsed,
  type TimelineEntry,
} from '../../lib/protocol';

interface AnnotationRow {
  id: string;
  kind: string;
  severity: string | null;
  status: string;
  title: string;
  description: string;
  start_ts: number;
  end_ts: number | null;
  panels: string;
  tags: string;
  author: string;
  rule_id: string | null;
  created_at: number;
  updated_at: number;
}

interface UpdateRow {
  annotation_id: string;
  at: number;
  author: string;
  action: string;
  text: string;
}

/** Annotations and their append-only timelines, in the aggregator's SQLite database. */
export class AnnotationStore {
  private readonly insertAnnotation: Statement;
  private readonly updateAnnotation: Statement;
  private readonly insertUpdate: Statement;
  private readonly selectOne: Statement<[string], AnnotationRow>;
  private readonly selectUpdates: Statement<[string], UpdateRow>;
  private readonly deleteOne: Statement<[string]>;

  constructor(private readonly db: Database) {
    this.insertAnnotation = db.prepare(`
      INSERT INTO annotations (id, kind, severity, status, title, description, start_ts, end_ts,
        panels, tags, author, rule_id, created_at, updated_at)
      VALUES (@id, @kind, @severity, @status, @title, @description, @start_ts, @end_ts,
        @panels, @tags, @author, @rule_id, @created_at, @updated_at)`);
    this.updateAnnotation = db.prepare(`
      UPDATE annotations SET severity = @severity, status = @status, title = @title,
        description = @description, end_ts = @end_ts, panels = @panels, tags = @tags,
        updated_at = @updated_at
      WHERE id = @id`);
    this.insertUpdate = db.prepare(`
      INSERT INTO annotation_updates (annotation_id, seq, at, author, action, text)
      VALUES (?, ?, ?, ?, ?, ?)`);
    this.selectOne = db.prepare('SELECT * FROM annotations WHERE id = ?');
    this.selectUpdates = db.prepare(
      'SELECT * FROM annotation_updates WHERE annotation_id = ? ORDER BY seq',
    );
    this.deleteOne = db.prepare('DELETE FROM annotations WHERE id = ?');
  }

  /** Writes the annotation and the timeline entries it does not have on disk yet. */
  save(annotation: Annotation, knownEntries: number): void {
    this.db.transaction(() => {
      const row = toRow(annotation);
      if (knownEntries === 0) this.insertAnnotation.run(row);
      else this.updateAnnotation.run(row);
      annotation.timeline.slice(knownEntries).forEach((entry, offset) => {
        this.insertUpdate.run(
          annotation.id,
          knownEntries + offset,
          entry.at,
          entry.author,
          entry.action,
          entry.text,
        );
      });
    })();
  }

  get(id: string): Annotation | undefined {
    const row = this.selectOne.get(id);
    return row && fromRow(row, this.selectUpdates.all(id));
  }

  delete(id: string): boolean {
    return this.deleteOne.run(id).changes > 0;
  }

  /** Newest first; a range keeps what overlaps it, ongoing regions included. */
  list(query: AnnotationQueryParsed): Annotation[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit };
    if (query.to !== undefined) {
      where.push('start_ts <= @to');
      params.to = query.to;
    }
    if (query.from !== undefined) {
      where.push('(end_ts IS NULL OR end_ts >= @from)');
      params.from = query.from;
    }
    for (const [column, values] of [
      ['kind', query.kind],
      ['status', query.status],
      ['severity', query.severity],
    ] as const) {
      if (!values) continue;
      where.push(`${column} IN (SELECT value FROM json_each(@${column}))`);
      params[column] = JSON.stringify(values);
    }
    if (query.panel !== undefined) {
      where.push(
        `(panels = '[]' OR EXISTS (SELECT 1 FROM json_each(panels) WHERE value = @panel))`,
      );
      params.panel = query.panel;
    }
    const sql = `SELECT * FROM annotations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY start_ts DESC, id LIMIT @limit`;
    const rows = this.db.prepare<[Record<string, unknown>], AnnotationRow>(sql).all(params);
    if (rows.length === 0) return [];
    const updates = this.db
      .prepare<[string], UpdateRow>(
        `SELECT * FROM annotation_updates
         WHERE annotation_id IN (SELECT value FROM json_each(?)) ORDER BY annotation_id, seq`,
      )
      .all(JSON.stringify(rows.map((row) => row.id)));
    const byAnnotation = new Map<string, UpdateRow[]>();
    for (const update of updates) {
      const list = byAnnotation.get(update.annotation_id);
      if (list) list.push(update);
      else byAnnotation.set(update.annotation_id, [update]);
    }
    return rows.map((row) => fromRow(row, byAnnotation.get(row.id) ?? []));
  }

  /** Open alert regions, so a restarted rule engine carries on the regions it opened. */
  openForRule(ruleId: string): Annotation[] {
    return this.db
      .prepare<[string], AnnotationRow>(
        'SELECT * FROM annotations WHERE rule_id = ? AND end_ts IS NULL ORDER BY start_ts',
      )
      .all(ruleId)
      .map((row) => fromRow(row, this.selectUpdates.all(row.id)));
  }
}

function toRow(annotation: Annotation): AnnotationRow {
  return {
    id: annotation.id,
    kind: annotation.kind,
    severity: annotation.severity,
    status: annotation.status,
    title: annotation.title,
    description: annotation.description,
    start_ts: annotation.start,
    end_ts: annotation.end,
    panels: JSON.stringify(annotation.panels),
    tags: JSON.stringify(annotation.tags),
    author: annotation.author,
    rule_id: annotation.ruleId,
    created_at: annotation.createdAt,
    updated_at: annotation.updatedAt,
  };
}

function fromRow(row: AnnotationRow, updates: readonly UpdateRow[]): Annotation {
  const timeline: TimelineEntry[] = updates.map(({ at, author, action, text }) => ({
    at,
    author,
    action: action as TimelineEntry['action'],
    text,
  }));
  // Parsed on the way out, so a row edited by hand cannot put a malformed annotation on the wire.
  return AnnotationSchema.parse({
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    title: row.title,
    description: row.description,
    start: row.start_ts,
    end: row.end_ts,
    panels: JSON.parse(row.panels) as unknown,
    tags: JSON.parse(row.tags) as unknown,
    author: row.author,
    ruleId: row.rule_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    timeline,
  });
}
