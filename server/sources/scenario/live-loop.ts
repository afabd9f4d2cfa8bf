import type { EventPlayer } from './event-player';
import { FINE_WINDOW_MS, emitSlots, fillRange, type FillRange } from './history-fill';

/** The longest a timer waits, so a clock jump is noticed soon enough. */
const MAX_WAIT_MS = 60_000;
/** The first wait after a failed tick; it doubles with each failure in a row, up to MAX_WAIT_MS. */
const FIRST_BACKOFF_MS = 1_000;

export interface LiveLoop {
  stop(): void;
}

/**
 * One timer for every family and event: each tick emits the cadence slots due since the last one
 * (so a stall leaves no holes) and applies the events passed, then sleeps until the next is due.
 * A failing tick is retried later and later, and logged when it starts and stops failing.
 */
export function startLiveLoop(
  fill: FillRange,
  player: EventPlayer,
  filledTo: number,
  now: () => number,
): LiveLoop {
  const { families, clock, sink, logger } = fill;
  const last = families.map((family) => Math.floor(filledTo / family.cadenceMs) * family.cadenceMs);
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;

  async function tick() {
    const wall = now();
    const oldest = Math.min(...last);
    // After a long stall (a sleeping laptop), catch up coarsely like a fresh history fill.
    if (wall - oldest > FINE_WINDOW_MS) await fillRange(fill, oldest, wall);
    else {
      families.forEach((family, index) =>
        emitSlots(family, clock, sink, last[index] ?? wall, wall),
      );
    }
    families.forEach((family, index) => {
      last[index] = Math.floor(wall / family.cadenceMs) * family.cadenceMs;
    });
    player.playUntil(wall);
  }

  function onTick(error?: unknown) {
    if (error === undefined) {
      if (failures > 0) logger.info({ failures }, 'scenario ticks recovered');
      failures = 0;
      return;
    }
    if (failures === 0) logger.error({ err: error }, 'scenario tick failed; retrying with backoff');
    failures++;
  }

  function nextDelay(): number {
    if (failures > 0) return Math.min(MAX_WAIT_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
    const due = families.map((family, index) => (last[index] ?? 0) + family.cadenceMs);
    const next = Math.min(...due, player.nextAt() ?? Infinity);
    return Math.min(MAX_WAIT_MS, Math.max(0, next - now()));
  }

  function schedule() {
    if (fill.stopped()) return;
    timer = setTimeout(() => {
      tick()
        .then(() => onTick(), onTick)
        .finally(schedule);
    }, nextDelay());
  }

  schedule();
  return { stop: () => clearTimeout(timer) };
}
