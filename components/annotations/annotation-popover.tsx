import { describeDuration, describeKind } from '@/lib/annotations/describe';
import type { Annotation, AnnotationStatus } from '@/lib/protocol';
import { AnnotationQuickActions } from './annotation-quick-actions';
import './annotations.css';

const STATUS_LABELS: Record<AnnotationStatus, string> = {
  open: 'Open',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

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
          {describeKind(annotation)} · {STATUS_LABELS[annotation.status]}
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
