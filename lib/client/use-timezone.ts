'use client';
import { useCallback, useSyncExternalStore } from 'react';
import {
  TZ_PARAM,
  TZ_STORAGE_KEY,
  pickZoneChoice,
  resolveZone,
  type ZoneChoice,
} from '../time-axis/zone-choice';
import { UTC, type TimeZone } from '../time-axis/zone';
import { withZone, zoneParamOf } from '../time-axis/zone-link';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('storage', listener);
  };
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(TZ_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Memoised on what it reads: React asks every subscriber for its snapshot on every render, and
 * parsing the query each time cost whole milliseconds per live update on a full dashboard.
 */
function memoOnInputs<T>(compute: (search: string, stored: string | null) => T): () => T {
  let last: { search: string; stored: string | null; value: T } | undefined;
  return () => {
    const search = window.location.search;
    const stored = readStored();
    if (last?.search !== search || last.stored !== stored) {
      last = { search, stored, value: compute(search, stored) };
    }
    return last.value;
  };
}

const currentChoice = memoOnInputs((search, stored) =>
  pickZoneChoice(new URLSearchParams(search).get(TZ_PARAM), stored),
);

let systemZone: TimeZone | undefined;

/** The browser's zone, asked once: building an Intl.DateTimeFormat is slow, and it does not move. */
function browserZone(): TimeZone | undefined {
  systemZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return systemZone;
}

const clientZone = memoOnInputs(() => resolveZone(currentChoice(), browserZone()));
// The server cannot know the browser's zone: it paints UTC, and the client switches after hydration.
const serverZone = () => UTC;
const serverChoice = (): ZoneChoice => 'utc';

/** Keeps a choice in the URL (so a link carries it) and in local storage (so a visit keeps it). */
export function chooseZone(choice: ZoneChoice): void {
  try {
    window.localStorage.setItem(TZ_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode, quota): the URL still carries the choice.
  }
  const params = new URLSearchParams(window.location.search);
  params.set(TZ_PARAM, choice);
  window.history.replaceState(window.history.state, '', `?${params.toString()}`);
  for (const listener of listeners) listener();
}

/** The zone every time on the page is shown in. */
export function useTimeZone(): TimeZone {
  return useSyncExternalStore(subscribe, clientZone, serverZone);
}

const urlZone = memoOnInputs((search) => zoneParamOf(search));
const noUrlZone = () => undefined;

/** Makes an in-app href keep the `?tz=` this page was opened or switched with. */
export function useZoneHref(): (href: string) => string {
  const zone = useSyncExternalStore(subscribe, urlZone, noUrlZone);
  return useCallback((href: string) => withZone(href, zone), [zone]);
}

export function useZoneChoice(): [ZoneChoice, (choice: ZoneChoice) => void] {
  const choice = useSyncExternalStore(subscribe, currentChoice, serverChoice);
  return [choice, useCallback((next: ZoneChoice) => chooseZone(next), [])];
}
