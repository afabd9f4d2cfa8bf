'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PanelCard } from '@/components/panels/panel-card';
import { fetchPanelData } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import { useChartPoints } from '@/lib/client/use-chart-points';
import type { TimeWindow } from '@/lib/incidents/window';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';

interface Props {
  panel: Panel;
  annotation: Annotation;
  window: TimeWindow;
  /** Only for the window the server fetched; any other window fetches its own. */
  initial: PanelData | undefined;
  initialAt: number;
}

export function IncidentPanel({ panel, annotation, window, initial, initialAt }: Props) {
  const [widthRef, points] = useChartPoints(panel, window.from, window.to);
  const { data, isError } = useQuery<PanelData>({
    queryKey: ['incident-panel', panel.id, window.from, window.to, points],
    queryFn: () =>
      fetchPanelData('', panel, window.from, window.to, readAccessToken(), undefined, points),
    enabled: points !== undefined,
    initialData: initial,
    initialDataUpdatedAt: initialAt,
    placeholderData: keepPreviousData,
  });
  return (
    <PanelCard
      panel={panel}
      widthRef={widthRef}
      feed={{
        data,
        current: undefined,
        newestSampleAt: data?.newestSampleAt ?? undefined,
        showChange: data !== undefined && data.stepMs <= 1.5 * panel.expectedIntervalMs,
        stale: false,
        loadFailed: isError,
        annotations: [annotation],
      }}
    />
  );
}
