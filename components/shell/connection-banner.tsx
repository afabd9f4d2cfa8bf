import type { ConnectionState } from '@/lib/client/connection-state';

export function ConnectionBanner({ state }: { state: ConnectionState }) {
  if (state === 'live' || state === 'connecting') return null;
  return (
    <div
      className={`connection-banner connection-banner-${state}`}
      role="alert"
      data-testid="connection-banner"
    >
      {state === 'offline'
        ? 'Offline: this browser has no connection. Charts are frozen until it is back.'
        : 'Connection to Headroom lost: reconnecting. Charts show the last data received.'}
    </div>
  );
}
