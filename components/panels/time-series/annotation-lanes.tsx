import { layoutLanes } from '@/lib/annotations/lanes';
import type { Annotation } from '@/lib/protocol';
import { AnnotationLaneItem } from './annotation-lane-item';
import { AnnotationMore } from './annotation-more';
import '@/components/annotations/annotations.css';

interface Props {
  annotations: readonly Annotation[];
  from: number;
  to: number;
  now: number;
  /** Pixels between the chart's edges and its plot area, which the lanes line up with. */
  inset: { left: number; right: number };
  onEdit: ((annotation: Annotation) => void) | undefined;
}

/** Annotation titles above a chart, readable without hovering; overlapping ones stack in lanes. */
export function AnnotationLanes({ annotations, from, to, now, inset, onEdit }: Props) {
  const { lanes, hidden } = layoutLanes(annotations, from, to, { now });
  return (
    <div
      className="annotation-lanes"
      role="group"
      aria-label="Annotations"
      style={{ marginLeft: inset.left, marginRight: inset.right }}
    >
      {lanes.map((lane, index) => (
        <div className="annotation-lane" key={index}>
          {lane.map((item) => (
            <AnnotationLaneItem key={item.annotation.id} item={item} now={now} onEdit={onEdit} />
          ))}
        </div>
      ))}
      {hidden.length > 0 && <AnnotationMore hidden={hidden} now={now} />}
    </div>
  );
}
