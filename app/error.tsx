'use client';

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="error-page" role="alert">
      <h1>The dashboard could not load its data</h1>
      <p>
        The aggregator did not answer. Check that it is running (<code>npm start</code> starts both
        processes) and that <code>AGGREGATOR_PORT</code> matches on both sides, then retry.
      </p>
      <button type="button" onClick={reset}>
        Retry
      </button>
    </main>
  );
}
