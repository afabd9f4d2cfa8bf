import Link from 'next/link';
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
          <Link href="/incidents">See all incidents</Link>
        </p>
      </main>
    </>
  );
}
