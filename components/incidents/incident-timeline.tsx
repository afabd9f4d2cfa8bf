import { ZonedTime } from '@/components/shell/zoned-time';
import type { TimelineEntry } from '@/lib/protocol';

/** Append-only, oldest first, as it happened. */
export function IncidentTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <ol className="incident-timeline" data-testid="incident.timeline">
      {entries.map((entry, index) => (
        <li key={index} className={`timeline-${entry.action}`} data-action={entry.action}>
          <ZonedTime ts={entry.at} form="date-time" />
          <span className="timeline-author">{entry.author}</span>
          <span className="timeline-text">{entry.text}</span>
        </li>
      ))}
    </ol>
  );
}
