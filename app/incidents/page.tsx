import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { AccessNeeded } from '@/components/shell/access-needed';
import { IncidentList } from '@/components/incidents/incident-list';
import { IncidentsHeader } from '@/components/incidents/incidents-header';
import { AccessDeniedError, fetchAnnotations } from '@/lib/aggregator-api';
import { ACCESS_TOKEN_COOKIE } from '@/lib/client/access-token';
import { aggregatorOrigin } from '@/lib/env';
import { filterKey, filtersToQuery, parseIncidentFilters } from '@/lib/incidents/filters';

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
  const token = (await cookies()).get(ACCESS_TOKEN_COOKIE)?.value;
  const result = await fetchAnnotations(aggregatorOrigin(), filtersToQuery(filters), token).catch(
    (error: unknown) => {
      if (error instanceof AccessDeniedError) return error;
      throw error;
    },
  );
  return (
    <>
      <IncidentsHeader />
      {result instanceof AccessDeniedError ? (
        <AccessNeeded
          status={result.status}
          what="to read incidents"
          hadToken={token !== undefined}
        />
      ) : (
        <IncidentList initial={{ key: filterKey(filters), annotations: result }} />
      )}
    </>
  );
}
