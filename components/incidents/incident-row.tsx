import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import { durationText } from '@/lib/incidents/duration';
import { incidentHref } from '@/lib/incidents/window';
import type { Annotation } from '@/lib/protocol';
import { SeverityBadge } from './severity-badge';
import { StatusBadge } from './status-badge';

export function IncidentRow({ annotation }: { annotation: Annotation }) {
  return (
    <tr data-testid="incidents.row" data-id={annotation.id}>
      <td>
        <SeverityBadge severity={annotation.severity} />
      </td>
      <td>
        <StatusBadge status={annotation.status} />
      </td>
      <td className="incident-row-title">
        <Link href={incidentHref(annotation.id)}>{annotation.title}</Link>
        {annotation.kind !== 'incident' && <span className="incident-kind">{annotation.kind}</span>}
      </td>
      <td className="numeric">
        <time dateTime={new Date(annotation.start).toISOString()}>
          {formatDateTime(annotation.start)}
        </time>
      </td>
      <td className={annotation.end === null ? 'numeric incident-ongoing' : 'numeric'}>
        {durationText(annotation)}
      </td>
      <td>{annotation.author}</td>
    </tr>
  );
}
