import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { AccessNeeded } from '@/components/shell/access-needed';
import { AccessDeniedError, fetchDashboardForUrl } from '@/lib/aggregator-api';
import { loadWithToken } from '@/lib/server-session';

export const dynamic = 'force-dynamic';

interface Props {
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const range = { from: first(params.from), to: first(params.to) };
  const { result: snapshot, hadToken } = await loadWithToken((origin, token) =>
    fetchDashboardForUrl(origin, range, token),
  );
  if (snapshot instanceof AccessDeniedError) {
    return (
      <AccessNeeded status={snapshot.status} what="to read the dashboard" hadToken={hadToken} />
    );
  }
  return <LiveDashboard snapshot={snapshot} />;
}
