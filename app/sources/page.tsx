import type { Metadata } from 'next';
import { AccessNeeded } from '@/components/shell/access-needed';
import { SourceList } from '@/components/sources/source-list';
import { PageHeader } from '@/components/shell/page-header';
import { AccessDeniedError, fetchSources } from '@/lib/aggregator-api';
import { loadWithToken } from '@/lib/server-session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sources · Headroom' };

export default async function SourcesPage() {
  const { result, hadToken } = await loadWithToken(fetchSources);
  return (
    <>
      <PageHeader current="/sources" />
      {result instanceof AccessDeniedError ? (
        <AccessNeeded status={result.status} what="to read the sources" hadToken={hadToken} />
      ) : (
        <SourceList initial={result} />
      )}
    </>
  );
}
