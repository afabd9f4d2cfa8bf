'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { AccessDeniedError, fetchAnnotations } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import { useAnnotationStream } from '@/lib/client/use-annotations';
import {
  emptyListText,
  filterKey,
  filtersSearch,
  filtersToQuery,
  matchesFilters,
  parseIncidentFilters,
  type IncidentFilters,
} from '@/lib/incidents/filters';
import type { Annotation } from '@/lib/protocol';
import { AccessNeeded } from '@/components/shell/access-needed';
import { IncidentFilterBar } from './incident-filter-bar';
import { IncidentTable } from './incident-table';
import './incidents.css';

export interface IncidentListInitial {
  /** The `filterKey` the server fetched for; other filters fetch their own. */
  key: string;
  annotations: Annotation[];
}

export const incidentListQueryKey = (key: string) => ['annotations', `incidents:${key}`] as const;

/** The filtered list, newest first, kept current by pushed annotation changes. */
export function IncidentList({ initial }: { initial: IncidentListInitial }) {
  useAnnotationStream();
  const params = useSearchParams();
  const [kind, status, severity] = [
    params.get('kind'),
    params.get('status'),
    params.get('severity'),
  ];
  const filters = useMemo(
    () => parseIncidentFilters({ kind, status, severity }),
    [kind, status, severity],
  );
  const key = filterKey(filters);
  const { data, error, isPending } = useQuery({
    queryKey: incidentListQueryKey(key),
    queryFn: () => fetchAnnotations('', filtersToQuery(filters), readAccessToken()),
    initialData: initial.key === key ? initial.annotations : undefined,
    placeholderData: keepPreviousData,
  });
  const setFilters = useCallback((next: IncidentFilters) => {
    const search = filtersSearch(next);
    window.history.pushState(null, '', search ? `/incidents?${search}` : '/incidents');
  }, []);
  if (error instanceof AccessDeniedError) {
    return <AccessNeeded status={error.status} what="to read incidents" />;
  }
  const rows = (data ?? []).filter((annotation) => matchesFilters(annotation, filters));
  return (
    <main className="incidents-page controls">
      <h1>Incidents</h1>
      <IncidentFilterBar filters={filters} onChange={setFilters} />
      {error && (
        <p role="alert" className="incident-error">
          Could not load the list. Reload the page to try again.
        </p>
      )}
      {rows.length > 0 && <IncidentTable annotations={rows} />}
      {rows.length === 0 && !isPending && (
        <p className="incidents-empty" data-testid="incidents.empty">
          {emptyListText(filters)}
        </p>
      )}
    </main>
  );
}
