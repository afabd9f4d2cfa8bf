'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { PanelCard } from '@/components/panels/panel-card';
import { usePanelScope } from '@/components/panels/panel-scope';
import { appliesTo, overlaps } from '@/lib/annotations/applies-to';
import { fetchPanelData } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import { useLiveLatest } from '@/lib/client/live-latest';
import { panelQueryKey } from '@/lib/client/query-client';
import { isStale } from '@/lib/freshness';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import { isLive, rangeKey, resolveRange, type TimeRange } from '@/lib/time-range';

/** Coarse live ranges are refetched at their own step, never more often than this. */
const MIN_REFETCH_MS = 5_000;

interface Props {
  panel: Panel;
  range: TimeRange;
  initial: PanelData | undefined;
  initialAt: number;
  /** Every annotation of the range; the panel keeps those that apply to it. */
  annotations: readonly Annotation[];
}

export function LivePanel({ panel, range, initial, initialAt, annotations }: Props) {
  const { from, to, now } = usePanelScope();
  const live = isLive(range);
  const shown = useMemo(
    () => annotations.filter((item) => appliesTo(item, panel) && overlaps(item, from, to)),
    [annotations, panel, from, to],
  );
  const { data, isError } = useQuery<PanelData>({
    queryKey: panelQueryKey(panel.id, rangeKey(range)),
    queryFn: () => {
      const resolved = resolveRange(range, Date.now());
      return fetchPanelData('', panel, resolved.from, resolved.to, readAccessToken());
    },
    initialData: initial,
    initialDataUpdatedAt: initialAt,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const stepMs = query.state.data?.stepMs ?? 0;
      return live && stepMs > 1.5 * panel.expectedIntervalMs
        ? Math.max(MIN_REFETCH_MS, stepMs)
        : false;
    },
  });
  const pushed = useLiveLatest(panel.id);
  const newest = live
    ? maxDefined(pushed?.newestSampleAt, data?.newestSampleAt ?? undefined)
    : (data?.newestSampleAt ?? undefined);
  // Downsampled points are bucket envelopes: the value now comes from what was pushed last.
  const native = data !== undefined && data.stepMs <= 1.5 * panel.expectedIntervalMs;
  const current = useMemo(
    () => (live && !native && pushed ? [...pushed.series.values()] : undefined),
    [live, native, pushed],
  );
  return (
    <PanelCard
      panel={panel}
      feed={{
        data,
        current,
        newestSampleAt: newest,
        showChange: native,
        stale: live && data !== undefined && isStale(panel, newest, now),
        loadFailed: isError,
        annotations: shown,
      }}
    />
  );
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
