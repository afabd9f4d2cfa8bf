import { PRODUCT_STEP_MS, type ProductModel } from './product-model';
import { HOUR_MS, type Scenario } from './scenario';

/** The product flows summed over a span, step by step as the model integrates them. */
export interface ProductLedger {
  signups: number;
  reactivations: number;
  /** Weekly actives whose last activity left the 7-day window. */
  churned: number;
  upgrades: number;
  upgradesFromSignups: number;
  cancellations: number;
  weeklyActive: { from: number; to: number };
  subscribers: { from: number; to: number };
}

/** Sums the flows over [from, to); both should sit on the model's step for the books to close. */
export function productLedger(
  model: ProductModel,
  scenario: Scenario,
  from: number,
  to: number,
): ProductLedger {
  const { product } = scenario;
  const hours = PRODUCT_STEP_MS / HOUR_MS;
  const ledger: ProductLedger = {
    signups: 0,
    reactivations: 0,
    churned: 0,
    upgrades: 0,
    upgradesFromSignups: 0,
    cancellations: 0,
    weeklyActive: { from: model.weeklyActiveUsers(from), to: model.weeklyActiveUsers(to) },
    subscribers: { from: model.payingSubscribers(from), to: model.payingSubscribers(to) },
  };
  for (let s = from; s < to; s += PRODUCT_STEP_MS) {
    const signups = model.signupsPerHour(s) * hours;
    ledger.signups += signups;
    ledger.reactivations += model.reactivationsPerHour(s) * hours;
    ledger.churned += (product.weeklyChurnPerDay / 24) * model.weeklyActiveUsers(s) * hours;
    ledger.upgrades += model.upgradesPerHour(s) * hours;
    ledger.upgradesFromSignups += product.signupUpgradeShare * signups;
    ledger.cancellations +=
      (product.subscriberChurnPerDay / 24) * model.payingSubscribers(s) * hours;
  }
  return ledger;
}
