import { diurnalFactor, hashString, lerp, mix, valueNoise } from './noise';
import { buildTracks } from './phases';
import type { Scenario } from './scenario';

export interface ProductModel {
  signupsPerHour(s: number): number;
  weeklyActiveUsers(s: number): number;
  payingSubscribers(s: number): number;
}

interface Curve {
  historyStart: number;
  launch: number;
  end: number;
}

/**
 * Signups: a diurnal baseline plus the phases' surge. The user counts grow slowly and linearly
 * before T0, then bend sharply upwards and ease out by the story's end.
 */
export function createProductModel(scenario: Scenario, seed: number): ProductModel {
  const tracks = buildTracks(scenario);
  const { product } = scenario;
  const noiseKey = mix(seed, hashString('product_signups_per_hour'));

  function along(curve: Curve, s: number): number {
    if (s <= 0) {
      const progress = (s - product.historyStartAt) / -product.historyStartAt;
      return Math.max(0, lerp(curve.historyStart, curve.launch, progress));
    }
    const progress = Math.min(1, s / scenario.end);
    return lerp(curve.launch, curve.end, 1 - (1 - progress) * (1 - progress));
  }

  return {
    signupsPerHour(s) {
      const baseline =
        product.signupsPerHour *
        diurnalFactor(s, scenario.launchHourOfDay, product.signupsDiurnal) *
        (1 + 0.03 * valueNoise(noiseKey, s, 300_000));
      return baseline + tracks.signupsSurgePerHour.value(s);
    },
    weeklyActiveUsers: (s) => along(product.weeklyActiveUsers, s),
    payingSubscribers: (s) => along(product.payingSubscribers, s),
  };
}
