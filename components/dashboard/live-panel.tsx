'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useMemo } from 'react';
import { PanelCard } from '@/components/panels/panel-card';
import type { PanelFeed } from '@/components/panels/panel-kind';
import {
  PanelScopeProvider,
  usePanelScope,
  type PanelScope,
} from '@/components/panels/panel-scope';
import { appliesTo, overlaps } from '@/lib/annotations/applies-to';
import { fetchPanelData } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import { clockNow, useClockValue } from '@/lib/client/clock';
import { useLiveLatest } from '@/lib/client/live-latest';
import { panelQueryKey } from '@/lib/client/query-client';
import { useChartPoints } from '@/lib/client/use-chart-points';
import { filteredKey, useWorkloadFilter } from '@/lib/client/use-workload-param';
import { isStale } from '@/lib/freshness';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import { isLive, rangeKey, resolveRange, type TimeRange } from '@/lib/time-range';

/** Coarse live ranges are refetched at their own step, never more often than this. */
const MIN_REFETCH_MS = 5_000;
/** A filtered live panel refetches at its step (pushes are unfiltered), never more often than this. */
const MIN_FILTERED_REFETCH_MS = 2_000;
/** The clock ticks each second, so an annotation made now may start up to this far past it. */
const CLOCK_SLACK_MS = 2_000;
/** A live window whose data stops coming moves on in steps of about a pixel of a wide chart. */
const SLIDE_STEPS = 600;

interface Props {
  panel: Panel;
  range: TimeRange;
  initial: PanelData | undefined;
  initialAt: number;
  /** Every annotation of the range; the panel keeps those that apply to it. */
  annotations: readonly Annotation[];
}

/** One panel of the dashboard; it renders again only when its own data, feed or window change. */
export const LivePanel = memo(function LivePanel({
  panel,
  range,
  initial,
  initialAt,
  annotations,
}: Props) {
  const scope = usePanelScope();
  const live = isLive(range);
  const filter = useWorkloadFilter();
  const span = resolveRange(range, initialAt);
  const [widthRef, points] = useChartPoints(panel, span.from, span.to);
  const { data, isError } = useQuery<PanelData>({
    queryKey: filteredKey(panelQueryKey(panel.id, rangeKey(range), points), filter),
    queryFn: () => {
      const resolved = resolveRange(range, Date.now());
      const token = readAccessToken();
      return fetchPanelData('', panel, resolved.from, resolved.to, token, filter, points);
    },
    enabled: points !== undefined,
    initialData: filter ? undefined : initial,
    initialDataUpdatedAt: initialAt,
    placeholderData: keepPreviousData,
    // mergeSeries keeps unchanged series by reference already; a deep compare of every point on
    // each pushed batch is what structural sharing would add.
    structuralSharing: false,
    refetchInterval: (query) => {
      const stepMs = query.state.data?.stepMs ?? 0;
      if (live && filter) {
        return Math.max(MIN_FILTERED_REFETCH_MS, panel.expectedIntervalMs, stepMs);
      }
      return live && stepMs > 1.5 * panel.expectedIntervalMs
        ? Math.max(MIN_REFETCH_MS, stepMs)
        : false;
    },
  });
  const windowMs = scope.to - scope.from;
  const dataTo = data?.to ?? scope.to;
  const slideMs = Math.max(panel.expectedIntervalMs, windowMs / SLIDE_STEPS);
  // A live window ends where the panel's data does, so it slides when that data changes and the
  // clock's tick never reaches the chart; only data that stops coming lets the clock move it on.
  const end = useClockValue(
    (now) => (live && now - dataTo > 2 * slideMs ? now - (now % slideMs) : dataTo),
    initialAt,
  );
  // An annotation made just now shows at once, not when this panel's next sample comes; one dated
  // in the future does not drag the window past now.
  const newestMark = useMemo(
    () => newestStart(annotations, clockNow() + CLOCK_SLACK_MS),
    [annotations],
  );
  const windowEnd = Math.max(end, newestMark);
  const panelScope = useMemo(
    (): PanelScope =>
      live ? { ...scope, from: windowEnd - windowMs, to: windowEnd, now: windowEnd } : scope,
    [live, scope, windowEnd, windowMs],
  );
  const { from, to } = panelScope;
  const shown = useMemo(
    () => annotations.filter((item) => appliesTo(item, panel) && overlaps(item, from, to)),
    [annotations, panel, from, to],
  );
  // A paused range shows what it holds: a batch for it must not render the panel again.
  const livePushed = useLiveLatest(live ? panel.id : undefined);
  const pushed = data?.filter?.applied ? undefined : livePushed;
  const newest = live
    ? maxDefined(pushed?.newestSampleAt, data?.newestSampleAt ?? undefined)
    : (data?.newestSampleAt ?? undefined);
  const stale = useClockValue(
    (now) => live && data !== undefined && isStale(panel, newest, now),
    initialAt,
  );
  // Downsampled points are bucket envelopes: the value now comes from what was pushed last.
  const native = data !== undefined && data.stepMs <= 1.5 * panel.expectedIntervalMs;
  const current = useMemo(
    () => (live && !native && pushed ? [...pushed.series.values()] : undefined),
    [live, native, pushed],
  );
  const feed = useMemo(
    (): PanelFeed => ({
      data,
      current,
      newestSampleAt: newest,
      showChange: native,
      stale,
      loadFailed: isError,
      annotations: shown,
    }),
    [data, current, newest, native, stale, isError, shown],
  );
  return (
    <PanelScopeProvider value={panelScope}>
      <PanelCard panel={panel} feed={feed} widthRef={widthRef} />
    </PanelScopeProvider>
  );
});

function newestStart(annotations: readonly Annotation[], latest: number): number {
  let newest = -Infinity;
  for (const { start } of annotations) if (start <= latest && start > newest) newest = start;
  return newest;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
