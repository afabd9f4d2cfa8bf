import { describe, expect, it } from 'vitest';
import { QueryGate } from './query-gate';
import { QueryTimeoutError } from './query-guard';

function deferred() {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

describe('QueryGate', () => {
  it('runs at most `running` queries at once and starts the next as one ends', async () => {
    const gate = new QueryGate(2, 10);
    const blockers = [deferred(), deferred(), deferred()];
    let active = 0;
    let peak = 0;
    const runs = blockers.map((blocker) =>
      gate.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await blocker.done;
        active -= 1;
      }),
    );
    await Promise.resolve();
    expect(active).toBe(2);
    blockers.forEach((blocker) => blocker.release());
    await Promise.all(runs);
    expect(peak).toBe(2);
  });

  it('refuses a query when `waiting` are already queued', async () => {
    const gate = new QueryGate(1, 1);
    const blocker = deferred();
    const first = gate.run(() => blocker.done);
    const second = gate.run(() => Promise.resolve());
    await expect(gate.run(() => Promise.resolve())).rejects.toThrow(QueryTimeoutError);
    blocker.release();
    await Promise.all([first, second]);
  });
});
