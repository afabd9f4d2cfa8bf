import { ReferenceArea, ReferenceLine } from 'recharts';
import { annotationTone } from '@/lib/annotations/describe';
import type { Annotation } from '@/lib/protocol';

/** Incidents are drawn stronger the more severe they are; every mark stays see-through. */
const BAND_OPACITY: Record<ReturnType<typeof annotationTone>, number> = {
  sev1: 0.26,
  sev2: 0.22,
  sev3: 0.18,
  sev4: 0.14,
  change: 0.16,
  alert: 0.16,
};

/** Lets a test or a stylesheet find one annotation's mark; ids are URL-safe base64 already. */
const idClass = (id: string) => (/^[\w-]+$/.test(id) ? `annotation-id-${id}` : '');

/**
 * Regions as shaded bands (an ongoing one runs to now or the right edge), points as vertical
 * lines. Returned as elements, not a component, so they are direct children of the chart.
 */
export function annotationMarks(
  annotations: readonly Annotation[],
  from: number,
  to: number,
  now: number,
) {
  return annotations.map((annotation) => {
    const tone = annotationTone(annotation);
    const color = `var(--annotation-${tone})`;
    const className = `annotation-mark annotation-${annotation.kind} annotation-tone-${tone} ${idClass(annotation.id)}`;
    if (annotation.end === annotation.start) {
      return (
        <ReferenceLine
          key={annotation.id}
          x={annotation.start}
          className={className}
          stroke={color}
          strokeOpacity={0.85}
          strokeWidth={2}
          ifOverflow="discard"
        />
      );
    }
    const clamp = (ts: number) => Math.min(to, Math.max(from, ts));
    return (
      <ReferenceArea
        key={annotation.id}
        x1={clamp(annotation.start)}
        x2={clamp(annotation.end ?? now)}
        className={className}
        fill={color}
        fillOpacity={BAND_OPACITY[tone]}
        strokeOpacity={0}
        ifOverflow="hidden"
      />
    );
  });
}
