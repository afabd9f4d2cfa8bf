'use client';
import { AppLink } from '@/components/shell/app-link';
import { useId, useState, type CSSProperties } from 'react';
import { AnnotationPopover } from '@/components/annotations/annotation-popover';
import { annotationTone, type AnnotationTone } from '@/lib/annotations/describe';
import { lifecycle } from '@/lib/annotations/lifecycle';
import { incidentHref } from '@/lib/incidents/window';
import type { Annotation } from '@/lib/protocol';
import '@/components/annotations/annotations.css';

interface Props {
  annotation: Annotation;
  /** Fractions of the plot area's width; without it the item flows, as in a group's list. */
  place?: { left: number; width: number };
  now: number;
  onEdit: ((annotation: Annotation) => void) | undefined;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** The colour that the label and its popover read as `--tone`. */
export const toneStyle = (tone: AnnotationTone) =>
  ({ '--tone': `var(--annotation-${tone})` }) as CSSProperties;

/** One annotation's label: incidents link to their page, the others pin their details. */
export function AnnotationLaneItem({ annotation, place, now, onEdit }: Props) {
  const tooltipId = useId();
  const [pinned, setPinned] = useState(false);
  const tone = annotationTone(annotation);
  const label = (
    <>
      {annotation.status === 'resolved' && <span aria-hidden="true">✓ </span>}
      {annotation.title}
    </>
  );
  const position = place ? { left: percent(place.left), width: percent(place.width) } : {};
  return (
    <div
      className={`lane-item lane-item-${annotation.status}${place ? '' : ' lane-item-listed'}`}
      style={{ ...position, ...toneStyle(tone) }}
      data-testid={`annotation.${annotation.id}`}
      data-kind={annotation.kind}
      data-status={annotation.status}
      data-lifecycle={lifecycle(annotation)}
      data-pinned={pinned}
    >
      {annotation.kind === 'incident' ? (
        <AppLink
          className="lane-label"
          prefetch={false}
          href={incidentHref(annotation.id)}
          aria-describedby={tooltipId}
        >
          {label}
        </AppLink>
      ) : (
        <button
          type="button"
          className="lane-label"
          aria-describedby={tooltipId}
          aria-expanded={pinned}
          onClick={() => setPinned(!pinned)}
        >
          {label}
        </button>
      )}
      <AnnotationPopover
        id={tooltipId}
        annotation={annotation}
        now={now}
        align={place && place.left + place.width / 2 > 0.5 ? 'end' : 'start'}
        onEdit={onEdit}
      />
    </div>
  );
}
