import type { StoredSample } from '../../samples/sample';
import { MeanRevertingNoise, createRandom, diurnal } from './random';
import type { SignalGenerator } from './signal';

export interface ProductUsageSpec {
  weeklyActiveUsers: number;
  payingSubscribers: number;
  /** Signups per hour at the quietest and the busiest hour of the day. */
  quietSignupsPerHour: number;
  busySignupsPerHour: number;
}

const HOUR_S = 3600;

/**
 * The signup rate every signups cadence; weekly actives and paying subscribers, growing with it,
 * every users cadence. `resume` gives the last values stored, so a restart carries on from them.
 */
export function createProductUsage(
  spec: ProductUsageSpec,
  seed: number,
  cadences: { signups: number; users: number },
  resume: (metric: string) => number | undefined = () => undefined,
): SignalGenerator {
  const cadenceMs = cadences.signups;
  const random = createRandom(seed);
  const signupNoise = new MeanRevertingNoise(random, 0.01, 0.01);
  let weeklyActive = resume('product_weekly_active_users') ?? spec.weeklyActiveUsers;
  let subscribers = resume('product_paying_subscribers') ?? spec.payingSubscribers;
  const elapsed = cadenceMs / 1000;
  return {
    cadenceMs,
    sample(ts: number): StoredSample[] {
      const { quietSignupsPerHour, busySignupsPerHour } = spec;
      const signupsPerHour =
        (quietSignupsPerHour + (busySignupsPerHour - quietSignupsPerHour) * diurnal(ts)) *
        (1 + signupNoise.next(elapsed));
      const signups = (Math.max(0, signupsPerHour) * elapsed) / HOUR_S;
      weeklyActive += signups * 0.9;
      subscribers += signups * 0.04;
      const samples: StoredSample[] = [
        {
          metric: 'product_signups_per_hour',
          labels: {},
          ts,
          value: Math.round(Math.max(0, signupsPerHour)),
        },
      ];
      // User counts come from a slower reporting job than signups.
      if (ts % cadences.users === 0) {
        samples.push(
          {
            metric: 'product_weekly_active_users',
            labels: {},
            ts,
            value: Math.round(weeklyActive),
          },
          { metric: 'product_paying_subscribers', labels: {}, ts, value: Math.round(subscribers) },
        );
      }
      return samples;
    },
  };
}
