import { formatClock } from '../format';
import type { Annotation, AnnotationKind, Severity } from '../protocol';

export type AnnotationTone = Lowercase<Severity> | Exclude<AnnotationKind, 'incident'>;

const SEVERITY_TONES: Record<Severity, AnnotationTone> = {
  SEV1: 'sev1',
  SEV2: 'sev2',
  SEV3: 'sev3',
  SEV4: 'sev4',
};

/** "42 s", "12 min", "1 h 5 min", "2 d 3 h": the two largest units, rounded down. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** "point at 14:02:11 UTC", "ongoing for 12 min" or "lasted 1 h 5 min". */
export function describeDuration(
  annotation: Pick<Annotation, 'start' | 'end'>,
  now: number,
): string {
  if (annotation.end === annotation.start) return `point at ${formatClock(annotation.start)} UTC`;
  if (annotation.end === null) return `ongoing for ${formatSpan(now - annotation.start)}`;
  return `lasted ${formatSpan(annotation.end - annotation.start)}`;
}

/** "Incident · SEV1", "Change", "Alert". */
export function describeKind(annotation: Pick<Annotation, 'kind' | 'severity'>): string {
  switch (annotation.kind) {
    case 'incident':
      return annotation.severity ? `Incident · ${annotation.severity}` : 'Incident';
    case 'change':
      return 'Change';
    case 'alert':
      return 'Alert';
    default: {
      const unhandled: never = annotation.kind;
      return unhandled;
    }
  }
}

/** The colour an annotation is drawn in: incidents by severity, the other kinds by kind. */
export function annotationTone(annotation: Pick<Annotation, 'kind' | 'severity'>): AnnotationTone {
  if (annotation.kind !== 'incident') return annotation.kind;
  return SEVERITY_TONES[annotation.severity ?? 'SEV3'];
}
