import { AppLink } from '@/components/shell/app-link';
import { lifecycle } from '@/lib/annotations/lifecycle';
import { durationText } from '@/lib/incidents/duration';
import { incidentHref } from '@/lib/incidents/window';
import type { Annotation } from '@/lib/protocol';
import { ZonedTime } from '@/components/shell/zoned-time';
import { SeverityBadge } from './severity-badge';
import { StatusBadge } from './status-badge';

export function IncidentRow({ annotation }: { annotation: Annotation }) {
  return (
    <tr data-testid="incidents.row" data-id={annotation.id}>
      <td>
        <SeverityBadge severity={annotation.severity} />
      </td>
      <td>
        <StatusBadge status={lifecycle(annotation)} />
      </td>
      <td className="incident-row-title">
        <AppLink href={incidentHref(annotation.id)}>{annotation.title}</AppLink>
        {annotation.kind !== 'incident' && <span className="incident-kind">{annotation.kind}</span>}
      </td>
      <td className="numeric">
        <ZonedTime ts={annotation.start} form="date-time" />
      </td>
      <td className={annotation.end === null ? 'numeric incident-ongoing' : 'numeric'}>
        {durationText(annotation)}
      </td>
      <td>{annotation.author}</td>
    </tr>
  );
}
