import type { ToPixel } from '@/lib/series/line-path';

/** A chart's plot area and the mappings from time and value to its pixels. */
export interface PlotScales {
  toX: ToPixel;
  toY: ToPixel;
  area: { x: number; y: number; width: number; height: number };
}
