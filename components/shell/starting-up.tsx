import { describeStartup } from '@/lib/startup-progress';
import type { StartupState } from '@/lib/startup-state';
import './starting-up.css';

export const REFRESH_SECONDS = 2;

type NotReady = Exclude<StartupState, { state: 'ready' }>;

/** A page opened before the aggregator can serve: says how far it has got and refreshes itself. */
export function StartingUp({ startup }: { startup: NotReady }) {
  return (
    <main className="starting-up" role="status" aria-live="polite" data-testid="starting-up">
      {/* Without script, so it works under any CSP and even before the app's code loads. */}
      <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
      {startup.state === 'starting' ? (
        <>
          <h1>Starting… ({describeStartup(startup.progress)})</h1>
          {startup.progress.done !== null && (
            <progress max={1} value={startup.progress.done} aria-label="start-up progress" />
          )}
          <p>
            Headroom is loading its history. This page refreshes by itself and opens as soon as the
            data is ready.
          </p>
        </>
      ) : (
        <>
          <h1>Waiting for the aggregator</h1>
          <p>
            The web app is up but the aggregator did not answer. <code>npm start</code> runs both;
            if you run them apart, start it with <code>npm run aggregator</code> and check that{' '}
            <code>AGGREGATOR_PORT</code> matches on both sides. This page retries by itself.
          </p>
        </>
      )}
    </main>
  );
}
