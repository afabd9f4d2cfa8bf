'use client';
import { createContext, useContext } from 'react';

/** A chart's height: fixed in the dashboard's grid, the rest of its cell on a wallboard ('100%'). */
export type ChartHeight = number | '100%';

const ChartHeightContext = createContext<ChartHeight | undefined>(undefined);

export const ChartHeightProvider = ChartHeightContext.Provider;

export function useChartHeight(fallback: number): ChartHeight {
  return useContext(ChartHeightContext) ?? fallback;
}

/** Axis text size: the dashboard's 11 px, or larger on a wall read from across a room. */
export const AXIS_FONT_PX = 11;
const AxisFontContext = createContext<number | undefined>(undefined);

export const AxisFontProvider = AxisFontContext.Provider;

export function useAxisFont(): number {
  return useContext(AxisFontContext) ?? AXIS_FONT_PX;
}
