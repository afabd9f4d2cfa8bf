import { describe, expect, it } from 'vitest';
import {
  formatClockIn,
  formatDateTimeIn,
  formatMomentIn,
  formatWallDateTime,
  parseWallDateTime,
} from './format-zoned';

const at = Date.parse('2026-12-01T23:30:05Z');

describe('zoned formatting', () => {
  it('names the zone it prints in', () => {
    expect(formatClockIn(at, 'UTC')).toBe('23:30:05 UTC');
    expect(formatClockIn(at, 'America/New_York')).toBe('18:30:05 EST');
    expect(formatDateTimeIn(at, 'Asia/Tokyo')).toBe('2026-12-02 08:30:05 GMT+9');
    expect(formatMomentIn(at, 'UTC')).toBe('Tue 01 Dec 23:30:05 UTC');
  });

  it('reads back what the range inputs show, in the same zone', () => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
      expect(parseWallDateTime(formatWallDateTime(at, zone), zone)).toBe(at);
    }
    expect(parseWallDateTime('2026-12-02 08:30', 'Asia/Tokyo')).toBe(at - 5_000);
    expect(parseWallDateTime('yesterday', 'UTC')).toBeNaN();
  });
});
