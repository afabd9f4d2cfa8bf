'use client';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  AnnotationDialog,
  type AnnotationDialogRequest,
} from '@/components/annotations/annotation-dialog';
import { PanelScopeProvider, type PanelScope } from '@/components/panels/panel-scope';
import { ConnectionBanner } from '@/components/shell/connection-banner';
import { AppHeader } from '@/components/shell/app-header';
import { DashboardKeys } from '@/components/shell/dashboard-keys';
import { PanelViewProvider, type PanelView } from '@/components/shell/panel-view';
import { TimeRangeBar } from '@/components/shell/time-range-bar';
import type { DashboardSnapshot } from '@/lib/aggregator-api';
import { scopeOptions } from '@/lib/annotations/scope';
import { useAnnotationStream, useAnnotations } from '@/lib/client/use-annotations';
import { useClock, useMomentOf } from '@/lib/client/clock';
import { useClusterParam } from '@/lib/client/use-cluster-param';
import { useDashboardPanels } from '@/lib/client/use-dashboard-panels';
import { useLivePanels } from '@/lib/client/use-live-panels';
import { useSearchParam } from '@/lib/client/use-search-param';
import { can, useSession } from '@/lib/client/use-session';
import { useTimeRange } from '@/lib/client/use-time-range';
import { clusterDrillPanels } from '@/lib/series/cluster-drill';
import { absoluteRange, isLive, rangeKey, resolveRange } from '@/lib/time-range';
import { LivePanel } from './live-panel';

/** Reads the clock for what shows it, so a tick re-renders the header and range bar alone. */
function WithClock(props: { serverNow: number; children: (now: number) => ReactNode }) {
  return props.children(useClock(props.serverNow));
}

export function LiveDashboard({ snapshot }: { snapshot: DashboardSnapshot }) {
  const [range, setRange] = useTimeRange(snapshot.now);
  const live = isLive(range);
  const key = rangeKey(range);
  // Read once per range: a live panel slides its own window with its data (see LivePanel).
  const readAt = useMomentOf(key, snapshot.now);
  const { from, to } = resolveRange(range, readAt);
  const windowMs = to - from;
  const target = useMemo(
    () => (live ? { rangeKey: key, windowMs } : undefined),
    [live, key, windowMs],
  );
  const panels = useDashboardPanels(snapshot.panels);
  const connection = useLivePanels(panels, target);
  const zoom = useCallback(
    (start: number, end: number) => setRange(absoluteRange(start, end)),
    [setRange],
  );
  useAnnotationStream();
  const session = useSession();
  const canAnnotate = can(session, 'annotate');
  const annotations = useAnnotations(
    key,
    () => resolveRange(range, Date.now()),
    snapshot.rangeKey === key ? snapshot.annotations : undefined,
  );
  const [dialog, setDialog] = useState<AnnotationDialogRequest>();
  const [cluster, setCluster] = useClusterParam();
  const drills = useMemo(() => clusterDrillPanels(panels), [panels]);
  const scope = useMemo(
    (): PanelScope => ({
      from,
      to,
      now: readAt,
      onZoom: zoom,
      canAnnotate,
      drill: { panels: drills, cluster, select: setCluster },
    }),
    [from, to, readAt, zoom, canAnnotate, drills, cluster, setCluster],
  );
  const [viewed, setViewed] = useSearchParam('view');
  const view = useMemo(
    (): PanelView => ({
      current: panels.some((panel) => panel.id === viewed) ? viewed : undefined,
      open: setViewed,
      close: () => setViewed(undefined),
    }),
    [panels, viewed, setViewed],
  );
  const shown = view.current ? panels.filter((panel) => panel.id === view.current) : panels;
  const annotateNow = () => {
    const at = Date.now();
    setDialog({ type: 'create', start: at, end: at });
  };

  return (
    <>
      <WithClock serverNow={snapshot.now}>
        {(now) => (
          <AppHeader
            connection={connection}
            now={now}
            onAnnotateNow={canAnnotate ? annotateNow : undefined}
            managesTokens={can(session, 'manage_tokens')}
          />
        )}
      </WithClock>
      <ConnectionBanner state={connection} />
      <WithClock serverNow={snapshot.now}>
        {(now) => <TimeRangeBar range={range} now={now} onChange={setRange} />}
      </WithClock>
      <DashboardKeys onRangeChange={setRange} view={view} />
      <main className={view.current ? 'panel-grid panel-grid-view' : 'panel-grid'}>
        <PanelScopeProvider value={scope}>
          <PanelViewProvider value={view}>
            {shown.map((panel) => (
              <LivePanel
                key={panel.id}
                panel={panel}
                range={range}
                initial={snapshot.rangeKey === key ? snapshot.data[panel.id] : undefined}
                initialAt={snapshot.now}
                annotations={annotations}
              />
            ))}
          </PanelViewProvider>
        </PanelScopeProvider>
      </main>
      {dialog && (
        <AnnotationDialog
          request={dialog}
          scopes={scopeOptions(
            undefined,
            panels.flatMap((panel) => panel.tags),
          )}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}
