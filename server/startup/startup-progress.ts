import type { StartupProgress } from '../../lib/protocol';

// One per process: the history fill deep inside a source reports here without every layer between
// passing a reporter along, and the starting server reads it.
let current: StartupProgress = { phase: 'starting', done: null };

export function reportStartup(progress: StartupProgress): void {
  current = progress;
}

export function startupProgress(): StartupProgress {
  return current;
}

export interface ProgressLogOptions {
  /** At most one line per this many ms; the last step is always logged. */
  everyMs: number;
  now: () => number;
  log: (done: number, samples: number) => void;
}

/** Logs a long task's progress every few seconds, however many steps it takes. */
export function createProgressLog({
  everyMs,
  now,
  log,
}: ProgressLogOptions): (done: number, samples: number) => void {
  let lastLoggedAt = now();
  return (done, samples) => {
    const at = now();
    if (done < 1 && at - lastLoggedAt < everyMs) return;
    lastLoggedAt = at;
    log(done, samples);
  };
}
