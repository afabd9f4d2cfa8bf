'use client';

import { AggregatorError } from '@/components/shell/aggregator-error';

export default function SourcesError({ retry }: { error: unknown; retry: () => void }) {
  return <AggregatorError title="The sources could not load" retry={retry} />;
}
