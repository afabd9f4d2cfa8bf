import { formatSpan } from '../annotations/describe';
import type { Annotation } from '../protocol';

/** For the list: "ongoing" for an open region, "point in time" for a point, else how long it lasted. */
export function durationText(annotation: Pick<Annotation, 'start' | 'end'>): string {
  if (annotation.end === null) return 'ongoing';
  if (annotation.end === annotation.start) return 'point in time';
  return formatSpan(annotation.end - annotation.start);
}
