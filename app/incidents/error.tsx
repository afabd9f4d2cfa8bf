'use client';

import { AggregatorError } from '@/components/shell/aggregator-error';

export default function IncidentsError({ retry }: { error: unknown; retry: () => void }) {
  return <AggregatorError title="The incidents could not load" retry={retry} />;
}
