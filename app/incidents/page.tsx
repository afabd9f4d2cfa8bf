import type { Metadata } from 'next';
import { AccessNeeded } from '@/components/shell/access-needed';
import { IncidentList } from '@/components/incidents/incident-list';
import { PageHeader } from '@/components/shell/page-header';
import { AccessDeniedError, fetchAnnotations } from '@/lib/aggregator-api';
import { filterKey, filtersToQuery, parseIncidentFilters } from '@/lib/incidents/filters';
import { loadWithToken } from '@/lib/server-session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Incidents · Headroom' };

type Param = string | string[] | undefined;

interface Props {
  searchParams: Promise<{ kind?: Param; status?: Param; severity?: Param }>;
}

const first = (value: Param) => (Array.isArray(value) ? value[0] : value);

export default async function IncidentsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseIncidentFilters({
    kind: first(params.kind),
    status: first(params.status),
    severity: first(params.severity),
  });
  const { result, hadToken } = await loadWithToken((origin, token) =>
    fetchAnnotations(origin, filtersToQuery(filters), token),
  );
  return (
    <>
      <PageHeader current="/incidents" />
      {result instanceof AccessDeniedError ? (
        <AccessNeeded status={result.status} what="to read incidents" hadToken={hadToken} />
      ) : (
        <IncidentList initial={{ key: filterKey(filters), annotations: result }} />
      )}
    </>
  );
}
