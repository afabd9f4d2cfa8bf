'use client';

import { AggregatorError } from '@/components/shell/aggregator-error';

export default function DashboardError({ reset }: { error: unknown; reset: () => void }) {
  return <AggregatorError title="The dashboard could not load its data" retry={reset} />;
}
