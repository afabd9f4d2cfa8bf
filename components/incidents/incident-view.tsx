'use client';
import { useQuery } from '@tanstack/react-query';
import { AppLink } from '@/components/shell/app-link';
import { fetchAnnotation } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import { annotationQueryKey } from '@/lib/client/query-client';
import { useAnnotationStream } from '@/lib/client/use-annotations';
import { useNow } from '@/lib/client/use-now';
import { can, useSession } from '@/lib/client/use-session';
import type { IncidentPageData } from '@/lib/incidents/incident-page-data';
import { incidentWindow } from '@/lib/incidents/window';
import { AddUpdateForm } from './add-update-form';
import { DeleteIncident } from './delete-incident';
import { WallFocusActions } from '@/components/wall/wall-focus-actions';
import { IncidentActions } from './incident-actions';
import { IncidentPanels } from './incident-panels';
import { IncidentSummary } from './incident-summary';
import { IncidentTimeline } from './incident-timeline';
import { useDeleted } from './use-deleted';
import './incidents.css';

/** How often an ongoing incident's window, and so its charts, move on. */
const WINDOW_REFRESH_MS = 30_000;

export function IncidentView({ initial }: { initial: IncidentPageData }) {
  useAnnotationStream();
  const id = initial.annotation.id;
  const { data: annotation } = useQuery({
    queryKey: annotationQueryKey(id),
    queryFn: () => fetchAnnotation('', id, readAccessToken()),
    initialData: initial.annotation,
  });
  const session = useSession(initial.session);
  const deleted = useDeleted(id);
  const now = useNow(WINDOW_REFRESH_MS, initial.now);
  const mayAnnotate = can(session, 'annotate');
  return (
    <main className="incidents-page incident-page controls">
      <p className="incident-back">
        <AppLink href="/incidents">← All incidents</AppLink>
      </p>
      {deleted && (
        <p className="incident-error" role="alert">
          This {annotation.kind} has been deleted.
        </p>
      )}
      <IncidentSummary annotation={annotation} now={now} />
      {mayAnnotate && !deleted && <IncidentActions annotation={annotation} />}
      {mayAnnotate && !deleted && annotation.kind === 'incident' && (
        <WallFocusActions incident={annotation} />
      )}
      <section className="incident-section" aria-labelledby="incident-timeline-title">
        <h2 id="incident-timeline-title">Timeline</h2>
        <IncidentTimeline entries={annotation.timeline} />
        {mayAnnotate && !deleted && <AddUpdateForm id={id} />}
      </section>
      <IncidentPanels
        annotation={annotation}
        panels={initial.panels}
        window={incidentWindow(annotation, now)}
        initial={initial.data}
        initialWindow={incidentWindow(initial.annotation, initial.now)}
        initialAt={initial.now}
        now={now}
        canAnnotate={mayAnnotate}
      />
      {can(session, 'delete') && !deleted && <DeleteIncident id={id} kind={annotation.kind} />}
    </main>
  );
}
