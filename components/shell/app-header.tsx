import type { ConnectionState } from '@/lib/client/connection-state';
import { ConnectionBadge } from './connection-badge';
import { ZonedTime } from './zoned-time';
import { HeaderMenu } from './header-menu';
import './app-header.css';

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
      <HeaderMenu managesTokens={managesTokens} />
      <div className="header-status">
        {onAnnotateNow && (
          <button type="button" className="header-action" onClick={onAnnotateNow}>
            Annotate now
          </button>
        )}
        <ZonedTime ts={now} />
        <ConnectionBadge state={connection} />
      </div>
    </header>
  );
}
