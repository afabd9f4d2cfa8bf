import type { Annotation } from '@/lib/protocol';
import { IncidentRow } from './incident-row';

export function IncidentTable({ annotations }: { annotations: readonly Annotation[] }) {
  return (
    <table className="incident-table" aria-label="Incidents">
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
          <th scope="col">Title</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <th scope="col">Author</th>
        </tr>
      </thead>
      <tbody>
        {annotations.map((annotation) => (
          <IncidentRow key={annotation.id} annotation={annotation} />
        ))}
      </tbody>
    </table>
  );
}
