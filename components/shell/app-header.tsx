import type { ConnectionState } from '@/lib/client/connection-state';
import { formatClock } from '@/lib/format';
import { ConnectionBadge } from './connection-badge';

export function AppHeader({ connection, now }: { connection: ConnectionState; now: number }) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        <h1>Headroom</h1>
        <span className="brand-context">GPU fleet · inference · usage</span>
      </div>
      <div className="header-status">
        <time dateTime={new Date(now).toISOString()} suppressHydrationWarning>
          {formatClock(now)} UTC
        </time>
        <ConnectionBadge state={connection} />
      </div>
    </header>
  );
}
