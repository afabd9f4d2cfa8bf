import Link from 'next/link';
import type { ConnectionState } from '@/lib/client/connection-state';
import { formatClock } from '@/lib/format';
import { ConnectionBadge } from './connection-badge';

interface Props {
  connection: ConnectionState;
  now: number;
  /** Given only to someone who may annotate: marks this moment on every panel. */
  onAnnotateNow?: () => void;
  /** Admins get a link to the access tokens. */
  managesTokens?: boolean;
}

export function AppHeader({ connection, now, onAnnotateNow, managesTokens = false }: Props) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        <h1>Headroom</h1>
        <span className="brand-context">GPU fleet · inference · usage</span>
      </div>
      <nav className="header-nav" aria-label="Sections">
        <Link href="/explore">Explore</Link>
        <Link href="/incidents">Incidents</Link>
        <Link href="/sources">Sources</Link>
        {managesTokens && <Link href="/admin/tokens">Tokens</Link>}
      </nav>
      <div className="header-status">
        {onAnnotateNow && (
          <button type="button" className="header-action" onClick={onAnnotateNow}>
            Annotate now
          </button>
        )}
        <time dateTime={new Date(now).toISOString()} suppressHydrationWarning>
          {formatClock(now)} UTC
        </time>
        <ConnectionBadge state={connection} />
      </div>
    </header>
  );
}
