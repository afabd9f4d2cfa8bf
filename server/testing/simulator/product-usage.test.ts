import { describe, expect, it } from 'vitest';
import { DEFAULT_PRODUCT } from './defaults';
import { createProductUsage } from './product-usage';

const cadences = { signups: 5_000, users: 15_000 };
const valueOf = (samples: { metric: string; value: number }[], metric: string) =>
  samples.find((sample) => sample.metric === metric)?.value;

describe('createProductUsage', () => {
  it('carries weekly actives and subscribers on from the values stored before a restart', () => {
    const stored: Record<string, number> = {
      product_weekly_active_users: 491_234_567,
      product_paying_subscribers: 19_876_543,
    };
    const generator = createProductUsage(DEFAULT_PRODUCT, 1, cadences, (metric) => stored[metric]);
    const samples = generator.sample(15_000 * 1_000);
    expect(valueOf(samples, 'product_weekly_active_users')).toBeGreaterThanOrEqual(491_234_567);
    expect(valueOf(samples, 'product_weekly_active_users')).toBeLessThan(491_300_000);
    expect(valueOf(samples, 'product_paying_subscribers')).toBeGreaterThanOrEqual(19_876_543);
  });

  it('reports users on their own slower cadence and only grows them', () => {
    const generator = createProductUsage(DEFAULT_PRODUCT, 1, cadences);
    const off = generator.sample(15_000 * 1_000 + 5_000);
    expect(valueOf(off, 'product_weekly_active_users')).toBeUndefined();
    const first = valueOf(generator.sample(15_000 * 1_001), 'product_weekly_active_users') ?? 0;
    const second = valueOf(generator.sample(15_000 * 1_002), 'product_weekly_active_users') ?? 0;
    expect(second).toBeGreaterThan(first);
  });
});
