'use client';
import { useSyncExternalStore } from 'react';

/** The time under the pointer on one chart, which every chart on the page marks. */
export interface Crosshair {
  ts: number;
  /** The chart the pointer is over: the only one that shows a tooltip. */
  owner: string;
  /** The pointer's offset from that chart's left edge, and the chart's width, in pixels. */
  offsetX: number;
  width: number;
}

let current: Crosshair | undefined;
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => current;
const serverSnapshot = (): Crosshair | undefined => undefined;

function publish(next: Crosshair | undefined) {
  if (
    next?.ts === current?.ts &&
    next?.owner === current?.owner &&
    next?.offsetX === current?.offsetX
  )
    return;
  current = next;
  for (const listener of listeners) listener();
}

export const moveCrosshair = (crosshair: Crosshair) => publish(crosshair);

/**
 * A crosshair placed by a tap: no pointer hovers to leave it, so it stays until the next touch
 * anywhere, which clears it before that touch places its own.
 */
let pinned = false;
const unpin = () => {
  pinned = false;
  publish(undefined);
};

export function pinCrosshair(crosshair: Crosshair) {
  publish(crosshair);
  if (pinned) return;
  pinned = true;
  document.addEventListener('pointerdown', unpin, { capture: true, once: true });
}

/** Clears the crosshair if `owner` still holds it: a late leave must not clear a newer hover. */
export function leaveCrosshair(owner: string) {
  if (current?.owner === owner) publish(undefined);
}

/**
 * The shared crosshair, outside React's tree: a hover re-renders only the few components that
 * draw it, never the charts themselves.
 */
export const useCrosshair = () => useSyncExternalStore(subscribe, snapshot, serverSnapshot);
