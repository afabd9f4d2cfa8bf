import { describe, expect, it } from 'vitest';
import { TICK_INTERVALS, maxTicksFor, pickInterval } from './intervals';
import { timeScale } from './ticks';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const labels = (from: string, to: string, width: number, zone = 'UTC') => {
  const scale = timeScale(at(from), at(to), width, zone);
  return scale.ticks.map(scale.label);
};

describe('pickInterval', () => {
  it.each([
    [30_000, 5_000],
    [5 * MINUTE, MINUTE],
    [15 * MINUTE, 5 * MINUTE],
    [HOUR, 10 * MINUTE],
    [6 * HOUR, HOUR],
    [24 * HOUR, 6 * HOUR],
    [7 * DAY, DAY],
    [30 * DAY, 7 * DAY],
  ])('puts at most 7 ticks on %i ms with %i ms apart', (range, interval) => {
    expect(pickInterval(range, 7)).toBe(interval);
  });

  it('offers every round interval from a second to a week, then whole weeks', () => {
    for (const interval of TICK_INTERVALS) expect(pickInterval(interval * 7, 7)).toBe(interval);
    expect(pickInterval(90 * DAY, 7)).toBe(14 * DAY);
  });

  it('gives charts of one width class the same tick count', () => {
    expect(maxTicksFor(730)).toBe(maxTicksFor(950));
    expect(maxTicksFor(700)).toBeLessThan(maxTicksFor(730));
  });
});

describe('timeScale', () => {
  it('lands on round times, with no date inside one day', () => {
    expect(labels('2026-12-01T17:06:40Z', '2026-12-01T23:06:40Z', 800)).toEqual([
      '18:00',
      '19:00',
      '20:00',
      '21:00',
      '22:00',
      '23:00',
    ]);
  });

  it('shows seconds below a minute', () => {
    expect(labels('2026-12-01T10:00:02Z', '2026-12-01T10:00:31Z', 800)).toEqual([
      '10:00:05',
      '10:00:10',
      '10:00:15',
      '10:00:20',
      '10:00:25',
      '10:00:30',
    ]);
  });

  it('dates the first tick and the midnight of a range that spans one', () => {
    expect(labels('2026-12-01T21:10:00Z', '2026-12-02T03:10:00Z', 800)).toEqual([
      'Tue 01 22:00',
      '23:00',
      'Wed 02',
      '01:00',
      '02:00',
      '03:00',
    ]);
  });

  it('puts day ticks on local midnights for 7 days', () => {
    const scale = timeScale(
      at('2026-11-25T10:00:00Z'),
      at('2026-12-02T10:00:00Z'),
      800,
      'Asia/Tokyo',
    );
    expect(scale.ticks.map(scale.label)).toEqual([
      'Thu 26',
      'Fri 27',
      'Sat 28',
      'Sun 29',
      'Mon 30',
      'Tue 01',
      'Wed 02',
    ]);
    expect(scale.ticks[0]).toBe(at('2026-11-25T15:00:00Z'));
  });

  it('uses month and day for weeks, on Mondays', () => {
    expect(labels('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 800)).toEqual([
      'Nov 02',
      'Nov 09',
      'Nov 16',
      'Nov 23',
      'Nov 30',
    ]);
  });

  it('keeps ticks on the hour across a daylight-saving change', () => {
    const scale = timeScale(
      at('2026-10-24T21:30:00Z'),
      at('2026-10-25T04:00:00Z'),
      800,
      'Europe/Paris',
    );
    expect(scale.ticks.map(scale.label)).toEqual([
      'Sun 25',
      '01:00',
      '02:00',
      '02:00',
      '03:00',
      '04:00',
      '05:00',
    ]);
  });

  it('reads the same instants differently in another zone', () => {
    expect(labels('2026-12-01T17:06:40Z', '2026-12-01T23:06:40Z', 800, 'America/New_York')).toEqual(
      ['13:00', '14:00', '15:00', '16:00', '17:00', '18:00'],
    );
  });
});
