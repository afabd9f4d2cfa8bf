'use client';
import type { Panel } from '../protocol';
import { nativePoints, pointsForWidth } from '../series/chart-points';
import { useWidthBucket } from './use-width-bucket';

/**
 * How many points a panel's chart asks for over a range: every sample when few enough, else about
 * one per pixel of the element `ref` measures. A summary waits for that width (one render), so it
 * is fetched once, at that width: undefined until then.
 */
export function useChartPoints(
  panel: Pick<Panel, 'expectedIntervalMs'>,
  from: number,
  to: number,
): [(element: HTMLElement | null) => void, number | undefined] {
  const [ref, widthPoints] = useWidthBucket(pointsForWidth);
  return [ref, nativePoints(panel, from, to) ?? widthPoints];
}
