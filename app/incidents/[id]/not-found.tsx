import { AppLink } from '@/components/shell/app-link';
import { PageHeader } from '@/components/shell/page-header';
import '@/components/incidents/incidents.css';

export default function IncidentNotFound() {
  return (
    <>
      <PageHeader current="/incidents" />
      <main className="incidents-page incident-not-found">
        <h1>No such incident</h1>
        <p>
          Nothing is recorded under this link. It may have been deleted, or the link may be cut
          short.
        </p>
        <p>
          <AppLink href="/incidents">See all incidents</AppLink>
        </p>
      </main>
    </>
  );
}
