import { annotationTone } from '@/lib/annotations/describe';
import type { Annotation } from '@/lib/protocol';
import type { PlotScales } from './plot-scales';

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

interface Props {
  annotations: readonly Annotation[];
  from: number;
  to: number;
  now: number;
  scales: PlotScales;
}

/**
 * Regions as shaded bands (an ongoing one runs to now or the right edge), points as vertical
 * lines; what falls outside the range is not drawn.
 */
export function AnnotationMarks({ annotations, from, to, now, scales }: Props) {
  const { toX, area } = scales;
  const clamp = (ts: number) => Math.min(to, Math.max(from, ts));
  return (
    <g className="annotation-marks">
      {annotations.map((annotation) => {
        const tone = annotationTone(annotation);
        const color = `var(--annotation-${tone})`;
        const className = `annotation-mark annotation-${annotation.kind} annotation-tone-${tone} ${idClass(annotation.id)}`;
        if (annotation.end === annotation.start) {
          if (annotation.start < from || annotation.start > to) return null;
          const x = toX(annotation.start);
          return (
            <line
              key={annotation.id}
              className={className}
              x1={x}
              x2={x}
              y1={area.y}
              y2={area.y + area.height}
              stroke={color}
              strokeOpacity={0.85}
              strokeWidth={2}
            />
          );
        }
        const end = annotation.end ?? now;
        if (end < from || annotation.start > to) return null;
        const left = toX(clamp(annotation.start));
        return (
          <rect
            key={annotation.id}
            className={className}
            x={left}
            y={area.y}
            width={Math.max(1, toX(clamp(end)) - left)}
            height={area.height}
            fill={color}
            fillOpacity={BAND_OPACITY[tone]}
          />
        );
      })}
    </g>
  );
}
