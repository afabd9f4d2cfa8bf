'use client';
import { useState, useSyncExternalStore } from 'react';

const TICK_MS = 1_000;

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Ticks on each whole second, so every clock on the page turns over together. */
function schedule(): void {
  timer = setTimeout(
    () => {
      now = Date.now();
      for (const listener of listeners) listener();
      schedule();
    },
    TICK_MS - (Date.now() % TICK_MS),
  );
}

/** Calls `listener` on each tick of the page's one clock; returns the unsubscribe. */
export function subscribeToClock(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0 || timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
  };
}

/** The time of the clock's last tick. */
export function clockNow(): number {
  return now;
}

/**
 * The page's one clock, a second at a time. Only what shows a time or an age reads it (the header
 * clock, a panel's "5 s ago"), so its tick never reaches the charts. `serverNow` is what the server
 * rendered with, so hydration matches.
 */
export function useClock(serverNow: number): number {
  return useSyncExternalStore(
    subscribeToClock,
    () => now,
    () => serverNow,
  );
}

/**
 * Something derived from the clock, such as whether a panel is stale: the component renders again
 * only when the derived value changes, not on every tick. `select` must return a primitive.
 */
export function useClockValue<T extends string | number | boolean | undefined>(
  select: (now: number) => T,
  serverNow: number,
): T {
  return useSyncExternalStore(
    subscribeToClock,
    () => select(now),
    () => select(serverNow),
  );
}

/**
 * The clock's time when `key` last changed, held until it changes again: a range is read at one
 * moment and stands still, rather than every panel moving with each tick. The first render uses
 * `serverNow`, as the server did.
 */
export function useMomentOf(key: string, serverNow: number): number {
  const [moment, setMoment] = useState({ key, at: serverNow });
  if (moment.key === key) return moment.at;
  const next = { key, at: Math.max(now, serverNow) };
  setMoment(next);
  return next.at;
}
