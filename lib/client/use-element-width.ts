'use client';
import { useCallback } from 'react';
import { useWidthBucket } from './use-width-bucket';

/**
 * An element's width in steps of `stepPx`, so what depends on it (how many points a chart draws)
 * changes when the element really resizes, not on every pixel.
 */
export function useElementWidth(
  stepPx: number,
  initialPx: number,
): [(element: HTMLElement | null) => void, number] {
  const toStep = useCallback(
    (px: number) => Math.max(stepPx, Math.round(px / stepPx) * stepPx),
    [stepPx],
  );
  const [ref, width] = useWidthBucket(toStep);
  return [ref, width ?? initialPx];
}
