'use client';
import { useCallback, useMemo, useState } from 'react';
import {
  AnnotationDialog,
  type AnnotationDialogRequest,
} from '@/components/annotations/annotation-dialog';
import { PanelScopeProvider, type PanelScope } from '@/components/panels/panel-scope';
import { ConnectionBanner } from '@/components/shell/connection-banner';
import { AppHeader } from '@/components/shell/app-header';
import { TimeRangeBar } from '@/components/shell/time-range-bar';
import type { DashboardSnapshot } from '@/lib/aggregator-api';
import { scopeOptions } from '@/lib/annotations/scope';
import { useAnnotationStream, useAnnotations } from '@/lib/client/use-annotations';
import { useClusterParam } from '@/lib/client/use-cluster-param';
import { useDashboardPanels } from '@/lib/client/use-dashboard-panels';
import { useLivePanels } from '@/lib/client/use-live-panels';
import { useNow } from '@/lib/client/use-now';
import { can, useSession } from '@/lib/client/use-session';
import { useTimeRange } from '@/lib/client/use-time-range';
import { clusterDrillPanels } from '@/lib/series/cluster-drill';
import { absoluteRange, isLive, rangeKey, resolveRange } from '@/lib/time-range';
import { LivePanel } from './live-panel';

export function LiveDashboard({ snapshot }: { snapshot: DashboardSnapshot }) {
  const now = useNow(1_000, snapshot.now);
  const [range, setRange] = useTimeRange(snapshot.now);
  const live = isLive(range);
  const key = rangeKey(range);
  const { from, to } = resolveRange(range, live ? now : snapshot.now);
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
      now,
      onZoom: zoom,
      canAnnotate,
      drill: { panels: drills, cluster, select: setCluster },
    }),
    [from, to, now, zoom, canAnnotate, drills, cluster, setCluster],
  );
  const annotateNow = () => {
    const at = Date.now();
    setDialog({ type: 'create', start: at, end: at });
  };

  return (
    <>
      <AppHeader
        connection={connection}
        now={now}
        onAnnotateNow={canAnnotate ? annotateNow : undefined}
        managesTokens={can(session, 'manage_tokens')}
      />
      <ConnectionBanner state={connection} />
      <TimeRangeBar range={range} now={now} onChange={setRange} />
      <main className="panel-grid">
        <PanelScopeProvider value={scope}>
          {panels.map((panel) => (
            <LivePanel
              key={panel.id}
              panel={panel}
              range={range}
              initial={snapshot.rangeKey === key ? snapshot.data[panel.id] : undefined}
              initialAt={snapshot.now}
              annotations={annotations}
            />
          ))}
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
