'use client';
import { useClock } from '@/lib/client/clock';
import type { Annotation, WallFocus } from '@/lib/protocol';
import { runningFor, wallClock } from '@/lib/wall/wall-time';

interface Props {
  incidents: readonly Annotation[];
  focus: WallFocus | null;
  tz: string;
  serverNow: number;
}

/** Every unresolved incident, worst first, with how long it has run; the focused one marked. */
export function IncidentBanner({ incidents, focus, tz, serverNow }: Props) {
  const now = useClock(serverNow);
  if (incidents.length === 0 && !focus) return null;
  const shown =
    focus && !incidents.some((item) => item.id === focus.incident.id)
      ? [focus.incident, ...incidents]
      : incidents;
  return (
    <ul className="wall-incidents" data-testid="wall.incidents" aria-label="Active incidents">
      {shown.map((incident) => (
        <li
          key={incident.id}
          className={`wall-incident severity-${(incident.severity ?? 'none').toLowerCase()}`}
          data-testid="wall.incident"
          data-focused={focus?.incident.id === incident.id}
        >
          <span className="wall-incident-severity">{incident.severity ?? 'INCIDENT'}</span>
          <span className="wall-incident-title">
            {focus?.incident.id === incident.id && 'Focus: '}
            {incident.title}
          </span>
          <span className="wall-incident-status">{incident.status}</span>
          <span className="wall-incident-duration" data-testid="wall.incident.duration">
            since {wallClock(incident.start, tz).slice(0, 5)} · {runningFor(now - incident.start)}
          </span>
        </li>
      ))}
    </ul>
  );
}
