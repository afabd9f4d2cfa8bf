'use client';
import { useQuery } from '@tanstack/react-query';
import { AccessDeniedError, fetchSources } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import type { SourcesResponse } from '@/lib/protocol';
import { AccessNeeded } from '@/components/shell/access-needed';
import { SourceTable } from './source-table';
import './sources.css';

export const sourcesQueryKey = ['sources'] as const;
/** Health is not pushed over the socket, so the page asks again; states change on a seconds scale. */
const REFETCH_MS = 5_000;

/** Each source's health, as the server painted it first and then refreshed every few seconds. */
export function SourceList({ initial }: { initial: SourcesResponse }) {
  const { data, error } = useQuery({
    queryKey: sourcesQueryKey,
    queryFn: () => fetchSources('', readAccessToken()),
    initialData: initial,
    refetchInterval: REFETCH_MS,
  });
  if (error instanceof AccessDeniedError) {
    return <AccessNeeded status={error.status} what="to read the sources" />;
  }
  return (
    <main className="sources-page">
      <h1>Sources</h1>
      <p className="sources-intro">
        Where the samples come from. A source silent for twice its interval is stale; one that
        failed to start or cannot reach its server is down, and the others carry on.
      </p>
      {error && (
        <p role="alert" className="sources-refresh-error">
          Could not refresh; showing what the aggregator said last.
        </p>
      )}
      {data.sources.length === 0 ? (
        <p className="sources-empty" data-testid="sources.empty">
          No sources are configured: only pushed samples arrive.
        </p>
      ) : (
        <SourceTable sources={data.sources} now={data.now} />
      )}
    </main>
  );
}
