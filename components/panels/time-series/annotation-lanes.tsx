'use client';
import { layoutLabels } from '@/lib/annotations/label-groups';
import type { Annotation } from '@/lib/protocol';
import { AnnotationGroup } from './annotation-group';
import { AnnotationLaneItem } from './annotation-lane-item';
import { useElementWidth } from './use-element-width';
import '@/components/annotations/annotations.css';

/** The chart's first-paint width (its container's initial dimension), less a typical axis. */
const FIRST_PAINT_WIDTH = 470;

interface Props {
  annotations: readonly Annotation[];
  from: number;
  to: number;
  now: number;
  /** Pixels between the chart's edges and its plot area, which the lanes line up with. */
  inset: { left: number; right: number };
  onEdit: ((annotation: Annotation) => void) | undefined;
}

/**
 * Annotation titles above a chart, readable without hovering: overlapping ones stack in lanes,
 * and where they would need too many lanes, labels that overlap merge into one group label.
 */
export function AnnotationLanes({ annotations, from, to, now, inset, onEdit }: Props) {
  const [ref, widthPx] = useElementWidth<HTMLDivElement>(FIRST_PAINT_WIDTH);
  const { lanes, groups } = layoutLabels(annotations, from, to, { widthPx, now });
  return (
    <div
      ref={ref}
      className="annotation-lanes"
      role="group"
      aria-label="Annotations"
      style={{ marginLeft: inset.left, marginRight: inset.right }}
    >
      {(lanes.length > 0 ? lanes : groups.length > 0 ? [[]] : []).map((lane, index) => (
        <div className="annotation-lane" key={index}>
          {lane.map((item) => (
            <AnnotationLaneItem
              key={item.annotation.id}
              annotation={item.annotation}
              place={item}
              now={now}
              onEdit={onEdit}
            />
          ))}
          {index === 0 &&
            groups.map((group) => (
              <AnnotationGroup
                key={group.members[0]?.id ?? group.label}
                group={group}
                now={now}
                onEdit={onEdit}
              />
            ))}
        </div>
      ))}
    </div>
  );
}
