import type { StartupProgress } from './protocol';

/** "filling history 40 %", or only the phase while its share done is unknown. */
export function describeStartup(progress: StartupProgress): string {
  if (progress.done === null) return progress.phase;
  return `${progress.phase} ${Math.floor(progress.done * 100)} %`;
}
