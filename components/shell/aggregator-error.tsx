'use client';

/** What a route segment shows when its first paint could not reach the aggregator. */
export function AggregatorError({ title, retry }: { title: string; retry: () => void }) {
  return (
    <main className="error-page" role="alert">
      <h1>{title}</h1>
      <p>
        The aggregator did not answer. Check that it is running (<code>npm start</code> starts both
        processes) and that <code>AGGREGATOR_PORT</code> matches on both sides, then retry.
      </p>
      <button type="button" onClick={retry}>
        Retry
      </button>
    </main>
  );
}
