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

function currentChoice(): ZoneChoice {
  return pickZoneChoice(new URLSearchParams(window.location.search).get(TZ_PARAM), readStored());
}

function browserZone(): TimeZone | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const clientZone = () => resolveZone(currentChoice(), browserZone());
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

export function useZoneChoice(): [ZoneChoice, (choice: ZoneChoice) => void] {
  const choice = useSyncExternalStore(subscribe, currentChoice, serverChoice);
  return [choice, useCallback((next: ZoneChoice) => chooseZone(next), [])];
}
