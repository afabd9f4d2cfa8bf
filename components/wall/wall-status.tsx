'use client';
import { useClock } from '@/lib/client/clock';
import type { ConnectionState } from '@/lib/client/connection-state';
import { isNotLive } from '@/lib/wall/not-live';
import { wallClock } from '@/lib/wall/wall-time';
import { useDataAsOf } from './use-data-as-of';
import { useLostAt } from './use-lost-at';

interface Props {
  title: string;
  connection: ConnectionState;
  firstDataAt: number | undefined;
  graceMs: number;
  dataBoundMs: number;
  tz: string;
  serverNow: number;
}

/** The wall's header: a large clock and "data as of", then a full-width band whenever not live. */
export function WallStatus(props: Props) {
  const { connection, graceMs, dataBoundMs, tz } = props;
  const lostAt = useLostAt();
  const now = useClock(props.serverNow);
  const asOf = useDataAsOf(props.firstDataAt);
  const notLive = isNotLive(
    { connected: connection === 'live', lostAt, dataAsOf: asOf, now },
    graceMs,
    dataBoundMs,
  );
  const asOfText = asOf === undefined ? 'no data yet' : wallClock(asOf, tz);
  return (
    <>
      <header className="wall-header">
        <h1 className="wall-title">{props.title}</h1>
        <p className="wall-as-of" data-testid="wall.as-of">
          data as of <strong>{asOfText}</strong>
        </p>
        <time
          className="wall-clock"
          data-testid="wall.clock"
          dateTime={new Date(now).toISOString()}
        >
          {wallClock(now, tz)}
          {tz !== 'UTC' ? '' : ' UTC'}
        </time>
      </header>
      {notLive && (
        <p className="wall-not-live" role="alert" data-testid="wall.not-live">
          DATA NOT LIVE: last update {asOfText},{' '}
          {connection === 'live' ? 'waiting for data…' : 'reconnecting…'}
        </p>
      )}
    </>
  );
}
