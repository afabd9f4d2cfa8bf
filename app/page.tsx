import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { fetchDashboardSnapshot } from '@/lib/aggregator-api';
import { aggregatorOrigin } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default async function DashboardPage() {
  const snapshot = await fetchDashboardSnapshot(aggregatorOrigin());
  return <LiveDashboard snapshot={snapshot} />;
}
