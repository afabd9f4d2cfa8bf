import type { AnnotationStatus } from '@/lib/protocol';

export function StatusBadge({ status }: { status: AnnotationStatus }) {
  return (
    <span className={`incident-badge status-${status}`} data-testid="incident.status">
      {status}
    </span>
  );
}
