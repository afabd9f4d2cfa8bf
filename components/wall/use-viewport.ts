'use client';
import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}

const FALLBACK = '1920x1080';

/** The window's size as "WxH", a primitive so an unchanged size never renders again. */
export function useViewport(): { width: number; height: number } {
  const text = useSyncExternalStore(
    subscribe,
    () => `${window.innerWidth}x${window.innerHeight}`,
    () => FALLBACK,
  );
  const [width = 1920, height = 1080] = text.split('x').map(Number);
  return { width, height };
}
