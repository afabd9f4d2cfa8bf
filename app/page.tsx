import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { fetchDashboardForUrl } from '@/lib/aggregator-api';
import { aggregatorOrigin } from '@/lib/env';

export const dynamic = 'force-dynamic';

interface Props {
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const snapshot = await fetchDashboardForUrl(aggregatorOrigin(), {
    from: first(params.from),
    to: first(params.to),
  });
  return <LiveDashboard snapshot={snapshot} />;
}
