import { describe, expect, it } from 'vitest';
import { LAUNCH_SURGE } from './launch-surge';
import {
  PRODUCT_BACKFILL_MS,
  PRODUCT_STEP_MS,
  createProductModel,
  type ProductModel,
} from './product-model';
import { productLedger } from './product-ledger';
import { DAY_MS, HOUR_MS, MINUTE_MS, minutes } from './scenario';

const { product } = LAUNCH_SURGE;
const model = createProductModel(LAUNCH_SURGE, 20250331);
const WEEK_START = product.counts.at;
/** Oldest scenario time a start fills: opening at −60 with 7 days of history. */
const OLDEST_FILLED = LAUNCH_SURGE.start - 7 * DAY_MS;

/** ∫ rate(s) ds over an hour, the rates being per hour: counted minute by minute, as the model does. */
function overHour(rate: (s: number) => number, from: number): number {
  let total = 0;
  for (let s = from; s < from + HOUR_MS; s += PRODUCT_STEP_MS) total += rate(s);
  return (total * PRODUCT_STEP_MS) / HOUR_MS;
}

/** Every hour window of the story's reach, starting every 20 minutes. */
function hourWindows(): number[] {
  const starts: number[] = [];
  for (let s = OLDEST_FILLED; s + HOUR_MS <= LAUNCH_SURGE.end; s += minutes(20)) starts.push(s);
  return starts;
}

const rise = (curve: (s: number) => number, from: number) => curve(from + HOUR_MS) - curve(from);

describe('the product model', () => {
  it('grows weekly actives by at most signups plus reactivations, less at most the churn', () => {
    const churnPerHour = product.weeklyChurnPerDay / 24;
    for (const from of hourWindows()) {
      const joined = overHour((s) => model.signupsPerHour(s) + model.reactivationsPerHour(s), from);
      const grown = rise((s) => model.weeklyActiveUsers(s), from);
      expect(grown, `hour from ${from / MINUTE_MS} min`).toBeLessThanOrEqual(joined);
      const mostLost = churnPerHour * model.weeklyActiveUsers(from + HOUR_MS);
      expect(grown, `hour from ${from / MINUTE_MS} min`).toBeGreaterThanOrEqual(joined - mostLost);
    }
  });

  it('grows subscribers by at most the upgrades, and upgrades by at most the stated rates', () => {
    const cancelPerHour = product.subscriberChurnPerDay / 24;
    for (const from of hourWindows()) {
      const upgrades = overHour((s) => model.upgradesPerHour(s), from);
      const grown = rise((s) => model.payingSubscribers(s), from);
      expect(grown, `hour from ${from / MINUTE_MS} min`).toBeLessThanOrEqual(upgrades);
      const mostCancelled = cancelPerHour * model.payingSubscribers(from + HOUR_MS);
      expect(grown).toBeGreaterThanOrEqual(upgrades - mostCancelled);
      const base = model.weeklyActiveUsers(from + HOUR_MS);
      const signups = overHour((s) => model.signupsPerHour(s), from);
      const allowed = (product.upgradesPerDay / 24) * base + product.signupUpgradeShare * signups;
      expect(upgrades, `hour from ${from / MINUTE_MS} min`).toBeLessThanOrEqual(allowed);
    }
  });

  it('closes its books over the week: the counts move by exactly what the flows add', () => {
    const books = productLedger(model, LAUNCH_SURGE, WEEK_START, LAUNCH_SURGE.end);
    const M = (value: number) => `${(value / 1e6).toFixed(2)} M`;
    console.log(
      `−7 d to the end: ${M(books.signups)} signups + ${M(books.reactivations)} reactivations − ` +
        `${M(books.churned)} churned: weekly actives ${M(books.weeklyActive.from)} → ` +
        `${M(books.weeklyActive.to)}; ${M(books.upgrades - books.upgradesFromSignups)} upgrades ` +
        `from the base + ${M(books.upgradesFromSignups)} from signups − ` +
        `${M(books.cancellations)} cancelled: subscribers ${M(books.subscribers.from)} → ` +
        `${M(books.subscribers.to)}`,
    );
    const { weeklyActive, subscribers } = books;
    expect(weeklyActive.to - weeklyActive.from).toBeCloseTo(
      books.signups + books.reactivations - books.churned,
      -1,
    );
    expect(subscribers.to - subscribers.from).toBeCloseTo(books.upgrades - books.cancellations, -1);
    // Most of the week's 200M comes from reactivations: signups alone could not add it.
    expect(books.signups).toBeLessThan(0.15 * (weeklyActive.to - weeklyActive.from));
  });

  it('holds the stated counts a week before the launch and reaches 500M and 20M at the end', () => {
    const within1Percent = (value: number, expected: number) =>
      expect(Math.abs(value / expected - 1)).toBeLessThan(0.01);
    for (const seed of [1, 42, 20250331]) {
      const seeded = createProductModel(LAUNCH_SURGE, seed);
      expect(seeded.weeklyActiveUsers(WEEK_START)).toBeCloseTo(300_000_000, 0);
      expect(seeded.payingSubscribers(WEEK_START)).toBeCloseTo(15_500_000, 0);
      for (const weekAgo of [OLDEST_FILLED, minutes(60) - 7 * DAY_MS]) {
        within1Percent(seeded.weeklyActiveUsers(weekAgo), 300_000_000);
        within1Percent(seeded.payingSubscribers(weekAgo), 15_500_000);
      }
      within1Percent(seeded.weeklyActiveUsers(LAUNCH_SURGE.end), 500_000_000);
      within1Percent(seeded.payingSubscribers(LAUNCH_SURGE.end), 20_000_000);
    }
  });

  it('reads the same curves from a fresh model with the same seed, and others with another', () => {
    const points = Array.from({ length: 400 }, (_, index) => OLDEST_FILLED + index * 1_517_003);
    const curves = (seeded: ProductModel) =>
      points.map((s) => [seeded.weeklyActiveUsers(s), seeded.payingSubscribers(s)]);
    expect(curves(createProductModel(LAUNCH_SURGE, 20250331))).toEqual(curves(model));
    expect(curves(createProductModel(LAUNCH_SURGE, 1))).not.toEqual(curves(model));
  });

  it('runs without a jump through the stated counts and holds still before its reach', () => {
    const first = WEEK_START - PRODUCT_BACKFILL_MS;
    for (const around of [first + minutes(5), WEEK_START, 0]) {
      for (let s = around - minutes(5); s < around + minutes(5); s += 7_000) {
        const step = model.weeklyActiveUsers(s + 7_000) - model.weeklyActiveUsers(s);
        const inflow =
          ((model.signupsPerHour(s) + model.reactivationsPerHour(s)) * 14_000) / HOUR_MS;
        expect(step).toBeGreaterThan(0);
        expect(step).toBeLessThan(inflow);
      }
    }
    expect(model.weeklyActiveUsers(first - DAY_MS)).toBe(model.weeklyActiveUsers(first));
  });
});
