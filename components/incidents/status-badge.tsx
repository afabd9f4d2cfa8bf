import type { Lifecycle } from '@/lib/annotations/lifecycle';

/** A change has no status of its own: it reads as a point, ongoing or ended. */
export function StatusBadge({ status }: { status: Lifecycle }) {
  return (
    <span className={`incident-badge status-${status}`} data-testid="incident.status">
      {status}
    </span>
  );
}
