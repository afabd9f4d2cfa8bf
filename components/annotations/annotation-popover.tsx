import { describeDuration, describeKind } from '@/lib/annotations/describe';
import { lifecycle, lifecycleLabel } from '@/lib/annotations/lifecycle';
import type { Annotation } from '@/lib/protocol';
import { AnnotationQuickActions } from './annotation-quick-actions';
import './annotations.css';

interface Props {
  id: string;
  annotation: Annotation;
  now: number;
  /** Which edge of its label the popover lines up with, so it stays inside the panel. */
  align: 'start' | 'end';
  onEdit: ((annotation: Annotation) => void) | undefined;
}

/** Shown while its label is hovered or focused: the details as text, and actions for editors. */
export function AnnotationPopover({ id, annotation, now, align, onEdit }: Props) {
  return (
    <div className={`lane-popover lane-popover-${align}`}>
      <div role="tooltip" id={id} className="popover-details">
        <strong className="popover-title">{annotation.title}</strong>
        <span>
          {describeKind(annotation)} · {lifecycleLabel(lifecycle(annotation))}
        </span>
        <span>{describeDuration(annotation, now)}</span>
        <span>by {annotation.author}</span>
        {annotation.description && (
          <span className="popover-description">{annotation.description}</span>
        )}
      </div>
      {onEdit && <AnnotationQuickActions annotation={annotation} onEdit={onEdit} />}
    </div>
  );
}
