'use client';

import { AggregatorError } from '@/components/shell/aggregator-error';

export default function ExploreError({ retry }: { error: unknown; retry: () => void }) {
  return <AggregatorError title="Explore could not load" retry={retry} />;
}
