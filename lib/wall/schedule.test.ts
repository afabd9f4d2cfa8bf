import { describe, expect, it } from 'vitest';
import { burnInOffset, dailyReloadDue, hourIn, pageIndex, withinHours } from './schedule';

const at = (iso: string) => Date.parse(iso);

describe('wall schedules', () => {
  it('reads the hour in the wall’s time zone', () => {
    expect(hourIn('UTC', at('2026-03-02T23:30:00Z'))).toBe(23);
    expect(hourIn('Europe/Paris', at('2026-03-02T23:30:00Z'))).toBe(0);
  });

  it('dims across midnight and within one day', () => {
    const night = { from: 22, to: 7 };
    expect([21, 22, 3, 7].map((hour) => withinHours(night, hour))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(withinHours({ from: 1, to: 5 }, 4)).toBe(true);
    expect(withinHours({ from: 1, to: 5 }, 5)).toBe(false);
  });

  it('turns playlist pages by the clock', () => {
    expect(pageIndex(0, 30_000, 3)).toBe(0);
    expect(pageIndex(30_000, 30_000, 3)).toBe(1);
    expect(pageIndex(95_000, 30_000, 3)).toBe(0);
    expect(pageIndex(95_000, 30_000, 1)).toBe(0);
  });

  it('shifts the wall by a few pixels, differently over time', () => {
    const offsets = Array.from({ length: 9 }, (_, step) => burnInOffset(step * 3 * 60_000));
    expect(new Set(offsets.map(String)).size).toBe(9);
    for (const [x, y] of offsets) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(4);
  });

  it('reloads daily at the hour, not within an hour of loading', () => {
    const loaded = at('2026-03-02T01:00:00Z');
    expect(dailyReloadDue(4, 'UTC', loaded, at('2026-03-02T04:10:00Z'))).toBe(true);
    expect(dailyReloadDue(4, 'UTC', loaded, at('2026-03-02T05:10:00Z'))).toBe(false);
    expect(dailyReloadDue(4, 'UTC', at('2026-03-02T04:00:00Z'), at('2026-03-02T04:30:00Z'))).toBe(
      false,
    );
    expect(dailyReloadDue(undefined, 'UTC', loaded, at('2026-03-02T04:10:00Z'))).toBe(false);
  });
});
