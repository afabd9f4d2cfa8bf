'use client';
import { useMemo } from 'react';
import { LivePanel } from '@/components/dashboard/live-panel';
import { AxisFontProvider, ChartHeightProvider } from '@/components/panels/chart-height';
import { PanelScopeProvider, type PanelScope } from '@/components/panels/panel-scope';
import { useClockValue } from '@/lib/client/clock';
import { useAnnotationStream, useAnnotations } from '@/lib/client/use-annotations';
import { useDashboardPanels } from '@/lib/client/use-dashboard-panels';
import { useLivePanels } from '@/lib/client/use-live-panels';
import { SEVERITIES, type Annotation } from '@/lib/protocol';
import { clusterDrillPanels } from '@/lib/series/cluster-drill';
import { newestTimestamp } from '@/lib/series/panel-data';
import { isLive, rangeKey, resolveRange } from '@/lib/time-range';
import type { WallSnapshot } from '@/lib/wall/load-wall';
import { wallDataBoundMs } from '@/lib/wall/not-live';
import { burnInOffset, hourIn, pageIndex, withinHours } from '@/lib/wall/schedule';
import type { WallParams } from '@/lib/wall/wall-params';
import { focusPanels, focusRange, liveRange, pagePanels } from '@/lib/wall/wall-view';
import { IncidentBanner } from './incident-banner';
import { useViewport } from './use-viewport';
import { useWallFocus } from './use-wall-focus';
import { useWallToken } from './use-wall-token';
import { useWallWatchdog } from './use-wall-watchdog';
import { WallCell } from './wall-cell';
import { WallGrid } from './wall-grid';
import { WallStatus } from './wall-status';
import './wall.css';

/** Sliding windows move in steps this long: a wall needs no per-second redraw of its charts. */
const WALL_TICK_MS = 2_000;
const ignore = () => undefined;
/** The wall's smallest text, as wall.css sets it (max(16px, 1.5vh)), for the charts' axes. */
const wallSmallTextPx = (viewportHeight: number) => Math.ceil(Math.max(16, 0.015 * viewportHeight));

const bySeverity = (a: Annotation, b: Annotation) =>
  SEVERITIES.indexOf(a.severity ?? 'SEV4') - SEVERITIES.indexOf(b.severity ?? 'SEV4') ||
  a.start - b.start;

export function WallBoard({ params, snapshot }: { params: WallParams; snapshot: WallSnapshot }) {
  useWallToken(params.token);
  useWallWatchdog(params.reloadHour, params.tz);
  const allPanels = useDashboardPanels(snapshot.panels);
  const focus = useWallFocus(snapshot.focus);
  const pages = params.pages?.length ?? 1;
  const page = useClockValue((at) => pageIndex(at, params.everyMs, pages), snapshot.now);
  const panels = useMemo(
    () => (focus ? focusPanels(focus, allPanels) : pagePanels(params.pages, page, allPanels)),
    [focus, allPanels, params.pages, page],
  );
  const range = useMemo(
    () => (focus ? focusRange(focus) : liveRange(params.rangeMs)),
    [focus, params.rangeMs],
  );
  const live = isLive(range);
  const key = rangeKey(range);
  const now = useClockValue((at) => at - (at % WALL_TICK_MS), snapshot.now);
  const { from, to } = resolveRange(range, live ? now : snapshot.now);
  const windowMs = to - from;
  const target = useMemo(
    () => (live ? { rangeKey: key, windowMs } : undefined),
    [live, key, windowMs],
  );
  const connection = useLivePanels(panels, target);
  useAnnotationStream();
  const annotations = useAnnotations(
    key,
    () => resolveRange(range, Date.now()),
    snapshot.rangeKey === key ? snapshot.annotations : undefined,
  );
  const incidents = useMemo(
    () =>
      annotations
        .filter((item) => item.kind === 'incident' && item.status !== 'resolved')
        .sort(bySeverity),
    [annotations],
  );
  const drills = useMemo(() => clusterDrillPanels(allPanels), [allPanels]);
  const scope = useMemo(
    (): PanelScope => ({
      from,
      to,
      now,
      onZoom: ignore,
      canAnnotate: false,
      drill: { panels: drills, cluster: params.cluster, select: ignore },
    }),
    [from, to, now, drills, params.cluster],
  );
  const dimmed = useClockValue(
    (at) => params.dim !== undefined && withinHours(params.dim, hourIn(params.tz, at)),
    snapshot.now,
  );
  const shift = useClockValue((at) => burnInOffset(at).join(','), snapshot.now);
  const [dx, dy] = shift.split(',');
  const viewport = useViewport();
  const firstDataAt = useMemo(
    () =>
      Math.max(
        ...Object.values(snapshot.data).map(
          (data) => data.newestSampleAt ?? newestTimestamp(data) ?? 0,
        ),
      ) || undefined,
    [snapshot.data],
  );
  const title = focus
    ? `Focus: ${focus.incident.title}`
    : pages > 1
      ? `Headroom · page ${page + 1} of ${pages}`
      : 'Headroom';

  return (
    <div
      className={dimmed ? 'wall wall-dimmed' : 'wall'}
      data-testid="wall"
      data-page={page}
      data-focus={focus?.incident.id ?? ''}
      style={{ transform: `translate(${dx ?? 0}px, ${dy ?? 0}px)` }}
    >
      <WallStatus
        title={title}
        connection={connection}
        firstDataAt={firstDataAt}
        graceMs={params.graceMs}
        dataBoundMs={wallDataBoundMs(panels)}
        tz={params.tz}
        serverNow={snapshot.now}
      />
      <IncidentBanner incidents={incidents} focus={focus} tz={params.tz} serverNow={snapshot.now} />
      <PanelScopeProvider value={scope}>
        <ChartHeightProvider value="100%">
          <AxisFontProvider value={wallSmallTextPx(viewport.height)}>
            <WallGrid count={panels.length} viewport={viewport}>
              {panels.map((panel) => (
                <WallCell key={panel.id} panel={panel}>
                  <LivePanel
                    panel={panel}
                    range={range}
                    initial={snapshot.rangeKey === key ? snapshot.data[panel.id] : undefined}
                    initialAt={snapshot.now}
                    annotations={annotations}
                  />
                </WallCell>
              ))}
            </WallGrid>
          </AxisFontProvider>
        </ChartHeightProvider>
      </PanelScopeProvider>
    </div>
  );
}
