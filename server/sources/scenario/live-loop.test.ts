import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredSample } from '../../samples/sample';
import { captureLogs } from '../../testing/log-capture';
import type { EventPlayer } from './event-player';
import type { FillRange } from './history-fill';
import { startLiveLoop } from './live-loop';

const T0 = Date.UTC(2025, 5, 16, 16, 0, 0);

function loopWith(append: (samples: readonly StoredSample[]) => void) {
  const { logger, lines } = captureLogs();
  const fill: FillRange = {
    families: [
      {
        id: 'ticks',
        cadenceMs: 1_000,
        emit: (ts, _s, out) => out.push({ metric: 'ticks', labels: {}, ts, value: ts }),
      },
    ],
    clock: { at: () => ({ round: 0, s: 0 }), wallOf: () => 0 },
    history: undefined,
    sink: { append },
    logger,
    stopped: () => false,
  };
  const player: EventPlayer = { playUntil: () => undefined, nextAt: () => undefined };
  return { loop: startLiveLoop(fill, player, T0, () => Date.now()), lines };
}

describe('the scenario live loop', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backs off while its writes fail and logs the failure once, then recovers', async () => {
    vi.useFakeTimers({ now: T0 });
    let failing = true;
    let attempts = 0;
    const written: StoredSample[] = [];
    const { loop, lines } = loopWith((samples) => {
      attempts++;
      if (failing) throw new Error('no room for a new series');
      written.push(...samples);
    });

    await vi.advanceTimersByTimeAsync(120_000);
    // 1 s, 2 s, 4 s … capped at 60 s: a handful of tries in two minutes, not thousands.
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThanOrEqual(8);
    const failures = lines.filter((line) => line.msg.startsWith('scenario tick failed'));
    expect(failures).toHaveLength(1);

    failing = false;
    await vi.advanceTimersByTimeAsync(65_000);
    expect(lines.filter((line) => line.msg === 'scenario ticks recovered')).toHaveLength(1);
    expect(written.at(-1)?.ts).toBeGreaterThanOrEqual(T0 + 184_000);
    loop.stop();
  });
});
