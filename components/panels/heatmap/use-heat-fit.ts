'use client';
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { HeatCluster } from '@/lib/series/heatmap';
import { fitHeatmap, type HeatFit } from '@/lib/series/heatmap-fit';
import { gridMetrics } from './grid-metrics';

interface Space {
  width: number;
  height: number;
  fontSize: number;
  rowGap: number;
  columnGap: number;
  overhead: number;
}

const px = (text: string) => Number.parseFloat(text) || 0;

function measure(element: HTMLElement): Space | undefined {
  const cluster = element.querySelector<HTMLElement>('.heatmap-cluster');
  const canvas = cluster?.querySelector('canvas');
  if (!cluster || !canvas) return undefined;
  const style = getComputedStyle(element);
  return {
    width: element.clientWidth,
    height: element.clientHeight,
    fontSize: px(style.fontSize),
    rowGap: px(style.rowGap),
    columnGap: px(style.columnGap),
    overhead: cluster.getBoundingClientRect().height - canvas.getBoundingClientRect().height,
  };
}

const sameSpace = (a: Space | undefined, b: Space | undefined) =>
  a !== undefined &&
  b !== undefined &&
  (Object.keys(a) as (keyof Space)[]).every((key) => Math.abs(a[key] - b[key]) < 0.5);

/**
 * Clusters and row height that fill `ref`'s box without spilling out of it, where the box's height
 * is fixed by what holds it (a wall cell); undefined where the page grows with the heatmap instead.
 */
export function useHeatFit(
  ref: RefObject<HTMLElement | null>,
  clusters: readonly HeatCluster[],
  focused: boolean,
  enabled: boolean,
): HeatFit | undefined {
  const [space, setSpace] = useState<Space | undefined>(undefined);
  const count = clusters.length;
  useLayoutEffect(() => {
    const element = ref.current;
    if (!enabled || !element || count === 0) return;
    const update = () => {
      const next = measure(element);
      setSpace((last) => (sameSpace(last, next) ? last : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled, count]);
  return useMemo(() => {
    if (!enabled || !space) return undefined;
    const metrics = gridMetrics(space.fontSize, focused);
    return fitHeatmap({
      ...space,
      clusters: clusters.map((cluster) => ({
        rows: cluster.nodes.length,
        columns: cluster.gpus.length,
      })),
      cellGap: metrics.gap,
      naturalRowHeight: metrics.rowHeight,
      maxCellWidth: metrics.maxCellWidth,
    });
  }, [enabled, space, clusters, focused]);
}
