'use client';
import { useQuery } from '@tanstack/react-query';
import { PanelCard } from '@/components/charts/panel-card';
import { AppHeader } from '@/components/shell/app-header';
import { fetchPanelData, type DashboardSnapshot } from '@/lib/aggregator-api';
import { panelQueryKey } from '@/lib/client/query-client';
import { useLivePanels } from '@/lib/client/use-live-panels';
import { useNow } from '@/lib/client/use-now';
import type { Panel, PanelData } from '@/lib/protocol';

export function LiveDashboard({ snapshot }: { snapshot: DashboardSnapshot }) {
  const connection = useLivePanels(
    snapshot.panels.map((panel) => panel.id),
    snapshot.windowMs,
  );
  const now = useNow(1_000, snapshot.now);

  return (
    <>
      <AppHeader connection={connection} now={now} />
      <main className="panel-grid">
        {snapshot.panels.map((panel) => (
          <LivePanel
            key={panel.id}
            panel={panel}
            initial={snapshot.data[panel.id]}
            initialAt={snapshot.now}
            windowMs={snapshot.windowMs}
            now={now}
          />
        ))}
      </main>
    </>
  );
}

interface LivePanelProps {
  panel: Panel;
  initial: PanelData | undefined;
  initialAt: number;
  windowMs: number;
  now: number;
}

function LivePanel({ panel, initial, initialAt, windowMs, now }: LivePanelProps) {
  // The server's data seeds the cache, so the first client render matches its HTML.
  const { data } = useQuery<PanelData>({
    initialData: initial,
    initialDataUpdatedAt: initialAt,
    queryKey: panelQueryKey(panel.id),
    queryFn: () => {
      const to = Date.now();
      return fetchPanelData('', panel.id, to - windowMs, to);
    },
  });
  return <PanelCard panel={panel} data={data} now={now} windowMs={windowMs} />;
}
