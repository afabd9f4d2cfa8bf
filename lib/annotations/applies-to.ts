import type { Annotation, Panel } from '../protocol';
import { parseTimeRange, resolveRange } from '../time-range';

/** No panels and no tags means every panel; otherwise a named panel or a shared tag. */
export function appliesTo(annotation: Annotation, panel: Pick<Panel, 'id' | 'tags'>): boolean {
  if (annotation.panels.length === 0 && annotation.tags.length === 0) return true;
  return (
    annotation.panels.includes(panel.id) || annotation.tags.some((tag) => panel.tags.includes(tag))
  );
}

/** Upserts by id, keeping the list ordered newest start first as the API returns it. */
export function upsertAnnotation(
  list: readonly Annotation[],
  annotation: Annotation,
): Annotation[] {
  const others = list.filter((item) => item.id !== annotation.id);
  return [...others, annotation].sort((a, b) => b.start - a.start || a.id.localeCompare(b.id));
}

export function removeAnnotation(list: readonly Annotation[], id: string): Annotation[] {
  return list.filter((item) => item.id !== id);
}

/** Whether the annotation overlaps [from, to]; an ongoing region reaches to now. */
export function overlaps(annotation: Annotation, from: number, to: number): boolean {
  return annotation.start <= to && (annotation.end === null || annotation.end >= from);
}

/**
 * What of a cached list still overlaps its range, read from its query key's range key: a live
 * range slides, so what it slid past goes, and a wallboard left for weeks keeps only what it shows.
 */
export function inRange(list: Annotation[], rangeKey: unknown, now: number): Annotation[] {
  if (typeof rangeKey !== 'string') return list;
  const [from, to] = rangeKey.split('..');
  const range = resolveRange(parseTimeRange({ from, to }, now), now);
  const kept = list.filter((item) => overlaps(item, range.from, range.to));
  return kept.length === list.length ? list : kept;
}
