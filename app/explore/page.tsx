import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { ExploreView } from '@/components/explore/explore-view';
import { AccessNeeded } from '@/components/shell/access-needed';
import { AccessDeniedError } from '@/lib/aggregator-api';
import { fetchExploreStart } from '@/lib/explore/api';
import { loadWithToken } from '@/lib/server-session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Explore · Headroom' };

export default async function ExplorePage() {
  const { result, hadToken } = await loadWithToken(fetchExploreStart);
  return (
    <>
      <PageHeader current="/explore" />
      {result instanceof AccessDeniedError ? (
        <AccessNeeded status={result.status} what="to explore the data" hadToken={hadToken} />
      ) : (
        <ExploreView initialNames={result.names} now={result.now} />
      )}
    </>
  );
}
