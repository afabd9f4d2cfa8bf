import { useCallback, useMemo, type ComponentProps } from 'react';
import type { LineChart } from 'recharts';
import { formatMomentIn } from '@/lib/format';
import { nearestTickIndex } from '@/lib/series/nearest-tick';
import type { YAxisLayout } from '@/lib/series/y-axis-layout';
import type { TimeZone } from '@/lib/time-axis/zone';

type SyncMethod = Extract<
  NonNullable<ComponentProps<typeof LineChart>['syncMethod']>,
  (...args: never[]) => unknown
>;

/**
 * The chart's axis and tooltip props as the same objects while their values are the same. Recharts
 * keeps each axis's settings in its chart's store, and a setting that changes by identity alone
 * re-runs every selector of that chart: once per live update and panel, for nothing.
 */
export function useStableAxes(
  from: number,
  to: number,
  stepMs: number,
  zone: TimeZone,
  axis: Pick<YAxisLayout, 'domain' | 'ticks'>,
) {
  const xDomain = useMemo(() => [from, to] as [number, number], [from, to]);
  const [low, high] = axis.domain;
  const yDomain = useMemo(() => [low, high] as const, [low, high]);
  const tickKey = axis.ticks?.join(' ');
  const yTicks = useMemo(() => tickKey?.split(' ').map(Number), [tickKey]);
  const syncMethod = useCallback<SyncMethod>(
    (ticks, state) => nearestTickIndex(ticks, state.activeLabel, 3 * stepMs),
    [stepMs],
  );
  const labelFormatter = useCallback((ts: unknown) => formatMomentIn(Number(ts), zone), [zone]);
  return { xDomain, yDomain, yTicks, syncMethod, labelFormatter };
}
