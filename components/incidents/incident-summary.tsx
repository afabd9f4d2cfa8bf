import { describeDuration } from '@/lib/annotations/describe';
import { lifecycle } from '@/lib/annotations/lifecycle';
import type { Annotation } from '@/lib/protocol';
import { ZonedTime } from '@/components/shell/zoned-time';
import { SeverityBadge } from './severity-badge';
import { StatusBadge } from './status-badge';

function endText(annotation: Annotation) {
  if (annotation.end === null) return 'still going on';
  if (annotation.end === annotation.start) return '— (a point in time)';
  return <ZonedTime ts={annotation.end} form="date-time" />;
}

/** Title, facts and description; user text is only ever rendered as text. */
export function IncidentSummary({ annotation, now }: { annotation: Annotation; now: number }) {
  return (
    <>
      <header className="incident-heading">
        <h1>{annotation.title}</h1>
        {annotation.kind === 'incident' && <SeverityBadge severity={annotation.severity} />}
        <StatusBadge status={lifecycle(annotation)} />
      </header>
      <dl className="incident-facts">
        <dt>Kind</dt>
        <dd>{annotation.kind}</dd>
        {annotation.severity !== null && (
          <>
            <dt>Severity</dt>
            <dd>{annotation.severity}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{lifecycle(annotation)}</dd>
        <dt>Author</dt>
        <dd>{annotation.author}</dd>
        <dt>Started</dt>
        <dd>
          <ZonedTime ts={annotation.start} form="date-time" />
        </dd>
        <dt>Ended</dt>
        <dd>{endText(annotation)}</dd>
        <dt>Duration</dt>
        <dd data-testid="incident.duration">{describeDuration(annotation, now)}</dd>
      </dl>
      {annotation.description ? (
        <p className="incident-description" data-testid="incident.description">
          {annotation.description}
        </p>
      ) : (
        <p className="incident-description incident-muted">No description.</p>
      )}
    </>
  );
}
