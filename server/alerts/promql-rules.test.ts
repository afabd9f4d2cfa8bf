import { describe, expect, it } from 'vitest';
import { AlertRuleSchema, describeRule, type AlertRuleInput } from './alert-rule';
import { s, scriptedAlerts, type Script } from './testing/scripted-alerts';

const gpus =
  (average: (second: number) => number): Script =>
  (second) => [
    { labels: { gpu: '0', cluster: 'a' }, value: average(second) + 2 },
    { labels: { gpu: '1', cluster: 'a' }, value: average(second) - 2 },
  ];

// Above 90 from 122 s to 301 s, with a 10 s dip at 200 s; a 20 s spell at 60 s is shorter than forMs.
const hotSpell = gpus((second) => {
  if (second >= 60 && second < 80) return 95;
  if (second >= 200 && second < 210) return 85;
  return second >= 122 && second < 301 ? 97 : 50;
});

const promqlRule = {
  id: 'gpu-hot',
  title: 'GPUs hot',
  query: { expr: 'avg(util)' },
  condition: { above: 90 },
  forMs: 30_000,
  clearForMs: 20_000,
  panels: ['gpu-util'],
} satisfies AlertRuleInput;

describe('an alert rule on a local PromQL expression', () => {
  it('fires and resolves with one region from when it began to hold to when it stopped', () => {
    const w = scriptedAlerts([promqlRule]);
    w.play('util', hotSpell, 0, 400);

    expect(w.alerts()).toEqual([
      expect.objectContaining({
        kind: 'alert',
        status: 'resolved',
        title: 'GPUs hot',
        description: 'avg(util) > 90 for 30s (value 97)',
        start: s(125),
        end: s(305),
        ruleId: 'gpu-hot',
      }),
    ]);
    expect(w.notifications.map((event) => [event.state, event.value])).toEqual([
      ['firing', 97],
      ['resolved', 50],
    ]);
  });

  it('keeps one region per series of a by expression', () => {
    const w = scriptedAlerts([
      {
        ...promqlRule,
        query: { expr: 'avg by (cluster) (util{gpu="0"})' },
        forMs: 10_000,
      },
    ]);
    const hot = { a: [30, 100], b: [50, 150], c: [1_000, 1_000] } as const;
    w.play(
      'util',
      (second) =>
        Object.entries(hot).flatMap(([cluster, [from, to]]) => [
          { labels: { cluster, gpu: '0' }, value: second >= from && second < to ? 99 : 40 },
          { labels: { cluster, gpu: '1' }, value: 0 },
        ]),
      0,
      300,
    );
    expect(w.alerts()).toMatchObject([
      { title: 'GPUs hot {cluster="a"}', start: s(30), end: s(100), status: 'resolved' },
      { title: 'GPUs hot {cluster="b"}', start: s(50), end: s(150), status: 'resolved' },
    ]);
  });

  it('fires on a rate over counters, as PromQL reads them', () => {
    const w = scriptedAlerts([
      {
        ...promqlRule,
        query: { expr: 'sum(rate(requests_total[30s]))' },
        condition: { above: 10 },
        forMs: 0,
        clearForMs: 0,
      },
    ]);
    // 5 requests a second, then 20 a second from 100 s to 200 s.
    let total = 0;
    w.play(
      'requests_total',
      (second) => {
        total += second >= 100 && second < 200 ? 20 : 5;
        return [{ labels: { pod: 'a' }, value: total }];
      },
      0,
      300,
    );
    const [region, ...others] = w.alerts();
    expect(others).toEqual([]);
    expect(region).toMatchObject({ status: 'resolved', title: 'GPUs hot' });
    // The 30 s window's rate crosses 10/s about 10 s into the burst and falls back within 30 s of its end.
    expect(region?.start).toBeGreaterThan(s(100));
    expect(region?.start).toBeLessThanOrEqual(s(115));
    expect(region?.end).toBeGreaterThan(s(200));
    expect(region?.end).toBeLessThanOrEqual(s(230));
  });

  it('carries on a region a previous run left open, matched by its title', () => {
    const w = scriptedAlerts([{ ...promqlRule, query: { expr: 'avg by (cluster) (util)' } }]);
    w.play('util', hotSpell, 0, 180);
    const [open] = w.alerts();
    expect(open).toMatchObject({ status: 'open', title: 'GPUs hot {cluster="a"}', end: null });

    w.restart();
    w.play('util', hotSpell, 181, 400);

    expect(w.alerts()).toEqual([
      expect.objectContaining({ id: open?.id, start: s(125), end: s(305), status: 'resolved' }),
    ]);
    expect(w.notifications.map((event) => event.state)).toEqual(['firing', 'resolved']);
  });

  it('logs an expression it cannot evaluate once, not at every step', () => {
    const w = scriptedAlerts([
      { ...promqlRule, query: { expr: 'holt_winters(util[1m], 0.5, 0.5)' } },
    ]);
    w.play('util', hotSpell, 0, 60);
    const failures = w.logs.filter((line) => line.msg === 'alert rule failed');
    expect(failures).toEqual([expect.objectContaining({ level: 50, rule: 'gpu-hot' })]);
    expect(w.alerts()).toEqual([]);
  });

  it('describes itself by its expression, and its source when a server answers it', () => {
    expect(describeRule(AlertRuleSchema.parse(promqlRule))).toBe('avg(util) > 90 for 30s');
    const remote = AlertRuleSchema.parse({
      ...promqlRule,
      query: { expr: 'job:ttft_seconds:p95', source: 'prom' },
      condition: { above: 5 },
      forMs: 300_000,
    });
    expect(describeRule(remote)).toBe('job:ttft_seconds:p95 @prom > 5 for 5m');
  });
});
