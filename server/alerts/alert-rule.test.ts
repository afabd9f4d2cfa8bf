import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../dashboard';
import { AlertRuleSchema, describeRule, formatDuration, validateRules } from './alert-rule';

const rule = {
  id: 'gpu-hot',
  title: 'GPUs hot',
  query: { metric: 'util', aggregation: 'avg' },
  condition: { above: 90 },
  forMs: 0,
  panels: ['gpu-util'],
};

describe('describeRule', () => {
  it('reads the built-in rules as one line each', () => {
    expect(DEFAULT_ALERT_RULES.map(describeRule)).toEqual([
      'avg(DCGM_FI_DEV_GPU_UTIL{workload="image-generation"}) > 95 for 5m',
      'sum(inference_queue_depth{workload="image-generation"}) rising over 1m for 10m',
    ]);
  });

  it('names by labels and below conditions, and leaves out a zero forMs', () => {
    const parsed = AlertRuleSchema.parse({
      ...rule,
      query: { ...rule.query, by: ['cluster', 'gpu'], matchers: { zone: 'b', env: 'prod' } },
      condition: { below: 5 },
    });
    expect(describeRule(parsed)).toBe('avg by (cluster, gpu) (util{env="prod",zone="b"}) < 5');
  });

  it('formats durations compactly', () => {
    expect([250, 45_000, 300_000, 5_400_000, 3_725_000].map(formatDuration)).toEqual([
      '250ms',
      '45s',
      '5m',
      '1h30m',
      '1h2m5s',
    ]);
  });
});

describe('validateRules', () => {
  it('refuses a rule that names an unknown panel, naming both', () => {
    expect(() => validateRules([{ ...rule, panels: ['gpu-utl'] }], ['gpu-util'])).toThrow(
      'alert rule "gpu-hot" names panel "gpu-utl", which does not exist',
    );
  });

  it('refuses two rules with one id', () => {
    expect(() => validateRules([rule, rule], ['gpu-util'])).toThrow(/"gpu-hot" is defined more/);
  });

  it('fills in the defaults', () => {
    expect(validateRules([rule], ['gpu-util'])[0]).toMatchObject({ clearForMs: 60_000, tags: [] });
  });
});
