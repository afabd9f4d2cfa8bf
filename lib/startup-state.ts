import { AggregatorUnavailableError, fetchAggregator } from './aggregator-unavailable';
import { HealthSchema, type StartupProgress } from './protocol';

export type StartupState =
  | { state: 'ready' }
  | { state: 'starting'; progress: StartupProgress }
  | { state: 'unreachable'; message: string };

const UNKNOWN_PROGRESS: StartupProgress = { phase: 'starting', done: null };

/** What the starting page shows, read from the aggregator's health. */
export async function fetchStartupState(origin: string): Promise<StartupState> {
  let response: Response;
  try {
    response = await fetchAggregator(`${origin}/api/health`, { cache: 'no-store' });
  } catch (error) {
    if (error instanceof AggregatorUnavailableError) {
      return { state: 'unreachable', message: error.message };
    }
    throw error;
  }
  if (response.ok) return { state: 'ready' };
  const health = HealthSchema.safeParse(await response.json().catch(() => undefined));
  return { state: 'starting', progress: health.data?.progress ?? UNKNOWN_PROGRESS };
}
