/** mulberry32: a small, fast, seedable PRNG, so a seed always replays the same numbers. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Ornstein–Uhlenbeck noise: wanders like a random walk but is pulled back to zero, which is how
 * real utilisation and queue depth jitter around a level.
 */
export class MeanRevertingNoise {
  private value = 0;

  constructor(
    private readonly random: () => number,
    private readonly volatility: number,
    private readonly reversionPerSecond: number,
  ) {}

  next(elapsedSeconds: number): number {
    const pull = Math.min(1, this.reversionPerSecond * elapsedSeconds);
    this.value +=
      -pull * this.value + this.volatility * Math.sqrt(elapsedSeconds) * gaussian(this.random);
    return this.value;
  }
}

export function hex(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** 0 at the quietest hour (04:00 UTC), 1 at the busiest (16:00 UTC). */
export function diurnal(ts: number): number {
  const phase = ((ts % DAY_MS) / DAY_MS) * 2 * Math.PI;
  return 0.5 - 0.5 * Math.cos(phase - (4 / 24) * 2 * Math.PI);
}
