import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFamilies } from './families';
import { DCGM } from './gpu-signals';
import { LAUNCH_SURGE } from './launch-surge';
import { createScenarioModel } from './model';
import { DAY_MS, HOUR_MS, defineScenario, minutes } from './scenario';
import { renderTimelineTable } from './timeline-table';
import type { StoredSample } from '../../samples/sample';

const model = createScenarioModel(LAUNCH_SURGE, 42);
const gpuUtil = createFamilies(model, ['gpu']).find((family) => family.id === 'gpu');

function fleetAverage(workload: string, s: number): number {
  const out: StoredSample[] = [];
  gpuUtil?.emit(0, s, out);
  const values = out
    .filter((sample) => sample.labels.workload === workload)
    .map((sample) => sample.value);
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

const everyMinute = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => minutes(from + index));

describe('the launch-surge scenario', () => {
  it('peaks at about a million signups an hour, an hour after the launch', () => {
    expect(model.product.signupsPerHour(minutes(60))).toBeGreaterThan(900_000);
    expect(model.product.signupsPerHour(minutes(60))).toBeLessThan(1_100_000);
    expect(model.product.signupsPerHour(minutes(-30))).toBeGreaterThan(120_000);
    expect(model.product.signupsPerHour(minutes(-30))).toBeLessThan(180_000);
  });

  it('saturates the image fleet above 97 % from +20 while chat stays under 80 %', () => {
    expect(gpuUtil?.cadenceMs).toBe(5_000);
    for (const s of everyMinute(-60, -1)) {
      expect(fleetAverage('image-generation', s)).toBeLessThan(70);
      expect(fleetAverage('image-generation', s)).toBeGreaterThan(50);
    }
    for (const s of everyMinute(20, 100)) {
      expect(fleetAverage('image-generation', s)).toBeGreaterThan(97);
      expect(fleetAverage('chat', s)).toBeLessThan(80);
    }
  });

  it('eases the image fleet to about 85 % once img-use2 has drained the queue', () => {
    for (const s of everyMinute(150, 240)) {
      expect(fleetAverage('image-generation', s)).toBeGreaterThan(78);
      expect(fleetAverage('image-generation', s)).toBeLessThan(92);
    }
  });

  it('grows the image queue from +20 faster than it drains, and drains it after +90', () => {
    const image = (s: number) => model.queues.read('image-generation', s);
    expect(image(minutes(10)).depth).toBeLessThan(2_000);
    for (const s of everyMinute(21, 90)) {
      expect(image(s).depth).toBeGreaterThan(image(s - minutes(1)).depth);
      expect(image(s).arrivals).toBeGreaterThan(image(s).service);
    }
    expect(image(minutes(90)).waitSeconds).toBeGreaterThan(300);
    expect(image(minutes(170)).depth).toBeLessThan(2_000);
    const wait = image(minutes(60));
    expect(wait.waitSeconds).toBeCloseTo(wait.depth / wait.service, 6);
  });

  it('takes weekly actives from 300M to 500M and subscribers from 15.5M to 20M', () => {
    const historyStart = minutes(60) - 7 * DAY_MS;
    const within1Percent = (value: number, expected: number) =>
      expect(Math.abs(value / expected - 1)).toBeLessThan(0.01);
    within1Percent(model.product.weeklyActiveUsers(historyStart), 300_000_000);
    within1Percent(model.product.weeklyActiveUsers(LAUNCH_SURGE.end), 500_000_000);
    within1Percent(model.product.payingSubscribers(historyStart), 15_500_000);
    within1Percent(model.product.payingSubscribers(LAUNCH_SURGE.end), 20_000_000);
  });

  it('bends the user curves upwards at T0, no faster than its signups allow', () => {
    const hourRise = (curve: (s: number) => number, from: number) =>
      curve(from + HOUR_MS) - curve(from);
    const users = (s: number) => model.product.weeklyActiveUsers(s);
    const paying = (s: number) => model.product.payingSubscribers(s);
    expect(hourRise(users, minutes(30))).toBeGreaterThan(1.3 * hourRise(users, -HOUR_MS));
    expect(hourRise(paying, minutes(30))).toBeGreaterThan(1.3 * hourRise(paying, -HOUR_MS));
    // The peak hour adds at most its ~1M signups and the usual reactivations, not tens of millions.
    expect(hourRise(users, minutes(30))).toBeLessThan(3_000_000);
    expect(hourRise(paying, minutes(30))).toBeLessThan(100_000);
  });

  it('raises one XID 79 on one GPU around +80 and none elsewhere', () => {
    const detail = createFamilies(model, ['gpu']).find((family) => family.id === 'gpu-detail');
    const xids = (s: number) => {
      const out: StoredSample[] = [];
      detail?.emit(0, s, out);
      return out.filter((sample) => sample.metric === DCGM.xid && sample.value !== 0);
    };
    expect(xids(minutes(79))).toEqual([]);
    expect(xids(minutes(80.5)).map((sample) => [sample.labels.Hostname, sample.value])).toEqual([
      ['img-use1-node02', 79],
    ]);
    expect(xids(minutes(82))).toEqual([]);
  });

  it('is the story that the timeline table in the README tells', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const rows = (markdown: string) =>
      markdown
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .map((line) =>
          line
            .split('|')
            .map((cell) => cell.trim())
            .join('|'),
        );
    const expected = rows(renderTimelineTable(LAUNCH_SURGE)).slice(2);
    const shown = rows(readme);
    const first = shown.indexOf(expected[0] ?? '');
    expect(shown.slice(first, first + expected.length)).toEqual(expected);
  });

  it('rejects a scenario whose events change something never created', () => {
    const broken = {
      ...LAUNCH_SURGE,
      events: [{ at: 0, action: 'end' as const, key: 'nothing', note: 'over' }],
    };
    expect(() => defineScenario(broken)).toThrow(/changes nothing created/);
  });
});
