import type { EventPlayer } from './event-player';
import { FINE_WINDOW_MS, emitSlots, fillRange, type FillRange } from './history-fill';

/** The longest a timer waits, so a clock jump is noticed soon enough. */
const MAX_WAIT_MS = 60_000;

export interface LiveLoop {
  stop(): void;
}

/**
 * One timer for every family and event: each tick emits the cadence slots due since the last one
 * (so a stall leaves no holes) and applies the events passed, then sleeps until the next is due.
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

  function schedule() {
    if (fill.stopped()) return;
    const due = families.map((family, index) => (last[index] ?? 0) + family.cadenceMs);
    const next = Math.min(...due, player.nextAt() ?? Infinity);
    const delay = Math.min(MAX_WAIT_MS, Math.max(0, next - now()));
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => logger.error({ err: error }, 'scenario tick failed'))
        .finally(schedule);
    }, delay);
  }

  schedule();
  return { stop: () => clearTimeout(timer) };
}
