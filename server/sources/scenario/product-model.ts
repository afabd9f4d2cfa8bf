import { diurnalFactor, hashString, lerp, mix, valueNoise } from './noise';
import { buildTracks } from './phases';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Scenario } from './scenario';

/** Every rate is per hour; the user counts are stocks of those flows. */
export interface ProductModel {
  signupsPerHour(s: number): number;
  reactivationsPerHour(s: number): number;
  /** Users who start paying: the active base's upgrades plus the new signups who subscribe. */
  upgradesPerHour(s: number): number;
  weeklyActiveUsers(s: number): number;
  payingSubscribers(s: number): number;
}

/** The stocks are integrated once at this step, from the stated counts, and read by interpolation. */
export const PRODUCT_STEP_MS = MINUTE_MS;
/** How far before the stated counts the stocks reach back: past the oldest history a start fills. */
export const PRODUCT_BACKFILL_MS = DAY_MS;
const STEP_HOURS = PRODUCT_STEP_MS / HOUR_MS;

interface Stocks {
  first: number;
  weeklyActive: Float64Array;
  subscribers: Float64Array;
}

/**
 * Signups: a diurnal baseline plus the phases' surge. Weekly actives: dW/dt = signups +
 * reactivations − churn·W. Subscribers: dP/dt = upgrades − churn·P. One forward-Euler trajectory
 * through the stated counts, so the same seed always gives the same curves.
 */
export function createProductModel(scenario: Scenario, seed: number): ProductModel {
  const tracks = buildTracks(scenario);
  const { product } = scenario;
  const noiseKey = mix(seed, hashString('product_signups_per_hour'));
  const diurnal = (s: number) => diurnalFactor(s, scenario.launchHourOfDay, product.signupsDiurnal);

  const flows = {
    signups: (s: number) =>
      product.signupsPerHour * diurnal(s) * (1 + 0.03 * valueNoise(noiseKey, s, 300_000)) +
      tracks.signupsSurgePerHour.value(s),
    reactivations: (s: number) => product.reactivationsPerHour * diurnal(s),
    upgrades: (s: number, weeklyActive: number, signups: number) =>
      (product.upgradesPerDay / 24) * weeklyActive + product.signupUpgradeShare * signups,
  };
  const stocks = integrate(scenario, flows);

  function read(values: Float64Array, s: number): number {
    const x = Math.min(Math.max(0, (s - stocks.first) / PRODUCT_STEP_MS), values.length - 1);
    const index = Math.min(Math.floor(x), values.length - 2);
    return lerp(values[index] ?? 0, values[index + 1] ?? 0, x - index);
  }

  return {
    signupsPerHour: flows.signups,
    reactivationsPerHour: flows.reactivations,
    upgradesPerHour: (s) => flows.upgrades(s, read(stocks.weeklyActive, s), flows.signups(s)),
    weeklyActiveUsers: (s) => read(stocks.weeklyActive, s),
    payingSubscribers: (s) => read(stocks.subscribers, s),
  };
}

interface Flows {
  signups(s: number): number;
  reactivations(s: number): number;
  upgrades(s: number, weeklyActive: number, signups: number): number;
}

/** Forwards from the stated counts to the story's end; backwards by the exact inverse step. */
function integrate(scenario: Scenario, flows: Flows): Stocks {
  const { counts, weeklyChurnPerDay, subscriberChurnPerDay } = scenario.product;
  const first = counts.at - PRODUCT_BACKFILL_MS;
  const anchor = PRODUCT_BACKFILL_MS / PRODUCT_STEP_MS;
  const steps = anchor + Math.max(0, Math.ceil((scenario.end - counts.at) / PRODUCT_STEP_MS));
  const weeklyActive = new Float64Array(steps + 1);
  const subscribers = new Float64Array(steps + 1);
  const keepW = 1 - (weeklyChurnPerDay / 24) * STEP_HOURS;
  const keepP = 1 - (subscriberChurnPerDay / 24) * STEP_HOURS;
  weeklyActive[anchor] = counts.weeklyActiveUsers;
  subscribers[anchor] = counts.payingSubscribers;

  // Step i → i+1 reads the flows at step i: W' = W·keep + (signups + reactivations)·h.
  const inflow = (i: number) => {
    const s = first + i * PRODUCT_STEP_MS;
    const signups = flows.signups(s);
    return { joined: (signups + flows.reactivations(s)) * STEP_HOURS, s, signups };
  };
  for (let i = anchor; i < steps; i++) {
    const { joined, s, signups } = inflow(i);
    const w = weeklyActive[i] ?? 0;
    weeklyActive[i + 1] = w * keepW + joined;
    subscribers[i + 1] = (subscribers[i] ?? 0) * keepP + flows.upgrades(s, w, signups) * STEP_HOURS;
  }
  for (let i = anchor - 1; i >= 0; i--) {
    const { joined, s, signups } = inflow(i);
    const w = Math.max(0, ((weeklyActive[i + 1] ?? 0) - joined) / keepW);
    weeklyActive[i] = w;
    const upgraded = flows.upgrades(s, w, signups) * STEP_HOURS;
    subscribers[i] = Math.max(0, ((subscribers[i + 1] ?? 0) - upgraded) / keepP);
  }
  return { first, weeklyActive, subscribers };
}
