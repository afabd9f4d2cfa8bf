/** FNV-1a: a stable 32-bit key for a series name. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines two integers into a well-spread 32-bit hash (murmur3's finaliser). */
export function mix(a: number, b: number): number {
  let hash = (a ^ Math.imul(b | 0, 0x9e3779b1)) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A value in [-1, 1) fixed by the hash. */
export function unit(hash: number): number {
  return (hash / 4294967296) * 2 - 1;
}

export function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
}

export function lerp(from: number, to: number, weight: number): number {
  return from + (to - from) * weight;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function knot(key: number, index: number): number {
  return unit(mix(key, index));
}

/**
 * Smooth noise in about [-1, 1]: random knots every `periodMs`, eased between, plus a finer octave.
 * A pure function of (key, t), so history, live samples and a restart all read the same value.
 */
export function valueNoise(key: number, t: number, periodMs: number): number {
  return 0.75 * octave(key, t, periodMs) + 0.25 * octave(mix(key, 0x5bd1e995), t, periodMs / 4);
}

function octave(key: number, t: number, periodMs: number): number {
  const x = t / periodMs;
  const index = Math.floor(x);
  return lerp(knot(key, index), knot(key, index + 1), smoothstep(x - index));
}

/** `length` hex digits drawn from the key. */
export function hexOf(key: number, length: number): string {
  let out = '';
  for (let index = 0; out.length < length; index++) {
    out += mix(key, index).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

const BUSIEST_HOUR = 16;

/** The diurnal cycle, 1 at the busiest hour and -1 at the quietest, for scenario time `s`. */
export function dayCycle(s: number, launchHourOfDay: number): number {
  const hour = launchHourOfDay + s / 3_600_000;
  return Math.cos(((hour - BUSIEST_HOUR) / 24) * 2 * Math.PI);
}

/** A demand multiplier with the given swing, normalised to 1 at T0 so the data's numbers hold. */
export function diurnalFactor(s: number, launchHourOfDay: number, swing: number): number {
  return 1 + (swing / 2) * (dayCycle(s, launchHourOfDay) - dayCycle(0, launchHourOfDay));
}
