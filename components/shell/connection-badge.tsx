import { connectionLabel, type ConnectionState } from '@/lib/client/connection-state';

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span
      className={`connection-badge connection-${state}`}
      role="status"
      aria-live="polite"
      data-testid="connection-badge"
      data-state={state}
    >
      <span className="connection-dot" aria-hidden="true" />
      {connectionLabel(state)}
    </span>
  );
}
