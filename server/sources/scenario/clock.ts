/** Where wall time `w` falls in the story: the replay round (0 unless looping) and scenario time. */
export interface StoryPosition {
  round: number;
  s: number;
}

export interface ClockAnchor {
  /** Wall time of the source's first start ever. */
  firstStart: number;
  /** Scenario time that the first start maps to. */
  startAt: number;
}

export interface StoryClockOptions {
  speed: number;
  loop: boolean;
  /** The story's bounds in scenario time; a loop replays [start, end). */
  start: number;
  end: number;
}

export interface StoryClock {
  at(wall: number): StoryPosition;
  /** The wall time, in whole ms, at which `round` reaches scenario time `s`. */
  wallOf(round: number, s: number): number;
}

/**
 * Before the first start scenario time runs with the wall clock (T0 on the wall is
 * firstStart − startAt), so history reads like real time; from the first start it runs `speed`
 * times faster and, when looping, wraps at the story's end.
 */
export function createStoryClock(anchor: ClockAnchor, options: StoryClockOptions): StoryClock {
  const { speed, loop, start, end } = options;
  const length = end - start;
  return {
    at(wall) {
      if (wall < anchor.firstStart)
        return { round: 0, s: anchor.startAt - (anchor.firstStart - wall) };
      const raw = anchor.startAt + (wall - anchor.firstStart) * speed;
      if (!loop || raw < end) return { round: 0, s: raw };
      const round = Math.floor((raw - start) / length);
      return { round, s: raw - round * length };
    },
    wallOf(round, s) {
      const raw = s + round * length;
      if (raw < anchor.startAt) return Math.round(anchor.firstStart - (anchor.startAt - raw));
      return Math.round(anchor.firstStart + (raw - anchor.startAt) / speed);
    },
  };
}
