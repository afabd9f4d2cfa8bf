import { describe, expect, it } from 'vitest';
import { createStoryClock } from './clock';
import { minutes } from './scenario';

const anchor = { firstStart: 1_000_000_000_000, startAt: minutes(60) };
const story = { start: minutes(-60), end: minutes(240) };

describe('createStoryClock', () => {
  it('runs with the wall clock before the first start, so T0 is firstStart − startAt', () => {
    const clock = createStoryClock(anchor, { ...story, speed: 10, loop: false });
    expect(clock.at(anchor.firstStart - minutes(60)).s).toBe(0);
    expect(clock.at(anchor.firstStart - minutes(90)).s).toBe(minutes(-30));
    expect(clock.wallOf(0, 0)).toBe(anchor.firstStart - minutes(60));
  });

  it('runs speed times faster from the first start', () => {
    const clock = createStoryClock(anchor, { ...story, speed: 10, loop: false });
    expect(clock.at(anchor.firstStart + minutes(3)).s).toBe(minutes(90));
    expect(clock.wallOf(0, minutes(90))).toBe(anchor.firstStart + minutes(3));
    expect(clock.at(anchor.firstStart + minutes(60))).toEqual({ round: 0, s: minutes(660) });
  });

  it('replays the story from its start once it ends, counting rounds', () => {
    const clock = createStoryClock(anchor, { ...story, speed: 1, loop: true });
    expect(clock.at(anchor.firstStart + minutes(179))).toEqual({ round: 0, s: minutes(239) });
    expect(clock.at(anchor.firstStart + minutes(180))).toEqual({ round: 1, s: minutes(-60) });
    expect(clock.at(anchor.firstStart + minutes(500))).toEqual({ round: 2, s: minutes(-40) });
    expect(clock.wallOf(1, minutes(-60))).toBe(anchor.firstStart + minutes(180));
  });
});
