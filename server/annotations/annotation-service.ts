import { randomBytes } from 'node:crypto';
import {
  MAX_TIMELINE_ENTRIES,
  type Annotation,
  type AnnotationChangesParsed,
  type AnnotationCreateParsed,
  type AnnotationQueryParsed,
  type TimelineEntry,
} from '../../lib/protocol';
import type { AnnotationStore } from './annotation-store';

export type AnnotationChange =
  { type: 'upsert'; annotation: Annotation } | { type: 'delete'; id: string };

/** A change that is well-formed but does not fit the annotation as it stands. */
export class AnnotationConflictError extends Error {}
export class AnnotationNotFoundError extends Error {
  constructor(id: string) {
    super(`no annotation with id "${id}"`);
  }
}

const iso = (ts: number) => new Date(ts).toISOString().replace('.000Z', 'Z');

/**
 * Every write to annotations goes through here (REST, sockets, alert rules, scenarios), so each one
 * is persisted, stamped on the timeline and announced to listeners the same way.
 */
export class AnnotationService {
  private readonly listeners = new Set<(change: AnnotationChange) => void>();

  constructor(
    private readonly store: AnnotationStore,
    private readonly now: () => number = Date.now,
  ) {}

  onChange(listener: (change: AnnotationChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(query: AnnotationQueryParsed): Annotation[] {
    return this.store.list(query);
  }

  get(id: string): Annotation | undefined {
    return this.store.get(id);
  }

  openForRule(ruleId: string): Annotation[] {
    return this.store.openForRule(ruleId);
  }

  create(
    input: AnnotationCreateParsed,
    author: string,
    options: { ruleId?: string } = {},
  ): Annotation {
    const now = this.now();
    const annotation: Annotation = {
      id: randomBytes(16).toString('base64url'),
      kind: input.kind,
      severity: input.severity ?? null,
      status: input.status,
      title: input.title,
      description: input.description,
      start: input.start,
      end: input.end === undefined ? input.start : input.end,
      panels: input.panels,
      tags: input.tags,
      author,
      ruleId: options.ruleId ?? null,
      createdAt: now,
      updatedAt: now,
      timeline: [{ at: now, author, action: 'created', text: `created ${input.kind}` }],
    };
    this.store.save(annotation, 0);
    this.emit({ type: 'upsert', annotation });
    return annotation;
  }

  update(id: string, changes: AnnotationChangesParsed, author: string): Annotation {
    const current = this.store.get(id);
    if (!current) throw new AnnotationNotFoundError(id);
    const now = this.now();
    const next: Annotation = { ...current, timeline: [...current.timeline], updatedAt: now };
    const entries: TimelineEntry[] = [];
    const add = (action: TimelineEntry['action'], text: string) =>
      entries.push({ at: now, author, action, text });

    const edited = applyEdits(next, changes);
    if (edited.length > 0) add('edited', `edited ${edited.join(', ')}`);
    if (changes.status !== undefined && changes.status !== current.status) {
      next.status = changes.status;
      add('status', `status ${current.status} → ${changes.status}`);
      // Resolving something still going on ends it now, unless the change says when.
      if (changes.status === 'resolved' && current.end === null && changes.end === undefined) {
        next.end = Math.max(now, current.start);
      }
    }
    if (changes.end !== undefined) next.end = changes.end;
    if (next.end !== null && next.end < next.start) {
      throw new AnnotationConflictError(`end ${iso(next.end)} is before start ${iso(next.start)}`);
    }
    if (next.end !== current.end) {
      add('ended', next.end === null ? 'reopened as ongoing' : `ended at ${iso(next.end)}`);
    }
    if (changes.note !== undefined) add('note', changes.note);
    if (entries.length === 0) return current;
    if (current.timeline.length + entries.length > MAX_TIMELINE_ENTRIES) {
      throw new AnnotationConflictError(
        `the timeline is full (${MAX_TIMELINE_ENTRIES} entries); open a new annotation`,
      );
    }
    next.timeline.push(...entries);
    this.store.save(next, current.timeline.length);
    this.emit({ type: 'upsert', annotation: next });
    return next;
  }

  delete(id: string): void {
    if (!this.store.delete(id)) throw new AnnotationNotFoundError(id);
    this.emit({ type: 'delete', id });
  }

  private emit(change: AnnotationChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** Applies the plain field edits and names those that changed. */
function applyEdits(next: Annotation, changes: AnnotationChangesParsed): string[] {
  const edited: string[] = [];
  if (changes.title !== undefined && changes.title !== next.title) {
    next.title = changes.title;
    edited.push('title');
  }
  if (changes.description !== undefined && changes.description !== next.description) {
    next.description = changes.description;
    edited.push('description');
  }
  if (changes.severity !== undefined && changes.severity !== next.severity) {
    if (next.kind !== 'incident') {
      throw new AnnotationConflictError(`a ${next.kind} has no severity; only incidents do`);
    }
    next.severity = changes.severity;
    edited.push(`severity ${changes.severity}`);
  }
  if (changes.panels !== undefined && !sameList(changes.panels, next.panels)) {
    next.panels = changes.panels;
    edited.push('panels');
  }
  if (changes.tags !== undefined && !sameList(changes.tags, next.tags)) {
    next.tags = changes.tags;
    edited.push('tags');
  }
  return edited;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);
