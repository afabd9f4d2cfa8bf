'use client';
import Link from 'next/link';
import { useId, useState, type CSSProperties } from 'react';
import { AnnotationPopover } from '@/components/annotations/annotation-popover';
import { annotationTone, type AnnotationTone } from '@/lib/annotations/describe';
import type { LaneItem } from '@/lib/annotations/lanes';
import type { Annotation } from '@/lib/protocol';
import '@/components/annotations/annotations.css';

interface Props {
  item: LaneItem;
  now: number;
  onEdit: ((annotation: Annotation) => void) | undefined;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** The colour that the label and its popover read as `--tone`. */
const toneStyle = (tone: AnnotationTone) =>
  ({ '--tone': `var(--annotation-${tone})` }) as CSSProperties;

/** One annotation's bar in a label lane: incidents link to their page, the others pin details. */
export function AnnotationLaneItem({ item, now, onEdit }: Props) {
  const { annotation } = item;
  const tooltipId = useId();
  const [pinned, setPinned] = useState(false);
  const tone = annotationTone(annotation);
  const label = (
    <>
      {annotation.status === 'resolved' && <span aria-hidden="true">✓ </span>}
      {annotation.title}
    </>
  );
  return (
    <div
      className={`lane-item lane-item-${annotation.status}`}
      style={{ left: percent(item.left), width: percent(item.width), ...toneStyle(tone) }}
      data-testid={`annotation.${annotation.id}`}
      data-kind={annotation.kind}
      data-status={annotation.status}
      data-pinned={pinned}
    >
      {annotation.kind === 'incident' ? (
        <Link
          className="lane-label"
          prefetch={false}
          href={`/incidents/${encodeURIComponent(annotation.id)}`}
          aria-describedby={tooltipId}
        >
          {label}
        </Link>
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
        align={item.left + item.width / 2 > 0.5 ? 'end' : 'start'}
        onEdit={onEdit}
      />
    </div>
  );
}
