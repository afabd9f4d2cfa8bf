import { cookies } from 'next/headers';
import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { AccessNeeded } from '@/components/shell/access-needed';
import { AccessDeniedError, fetchDashboardForUrl } from '@/lib/aggregator-api';
import { ACCESS_TOKEN_COOKIE } from '@/lib/client/access-token';
import { aggregatorOrigin } from '@/lib/env';

export const dynamic = 'force-dynamic';

interface Props {
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function loadDashboard(params: { from?: string; to?: string }, token?: string) {
  try {
    return await fetchDashboardForUrl(aggregatorOrigin(), params, token);
  } catch (error) {
    if (error instanceof AccessDeniedError) return error;
    throw error;
  }
}

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = (await cookies()).get(ACCESS_TOKEN_COOKIE)?.value;
  const snapshot = await loadDashboard({ from: first(params.from), to: first(params.to) }, token);
  if (snapshot instanceof AccessDeniedError) {
    return (
      <AccessNeeded
        status={snapshot.status}
        what="to read the dashboard"
        hadToken={token !== undefined}
      />
    );
  }
  return <LiveDashboard snapshot={snapshot} />;
}
