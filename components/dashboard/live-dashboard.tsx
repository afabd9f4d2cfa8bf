'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PanelCard } from '@/components/charts/panel-card';
import { AppHeader } from '@/components/shell/app-header';
import { fetchPanelData, type DashboardSnapshot } from '@/lib/aggregator-api';
import { panelQueryKey } from '@/lib/client/query-client';
import { useLivePanels } from '@/lib/client/use-live-panels';
import { useNow } from '@/lib/client/use-now';
import type { Panel, PanelData } from '@/lib/protocol';

export function LiveDashboard({ snapshot }: { snapshot: DashboardSnapshot }) {
  const client = useQueryClient();
  // Seed the cache synchronously so the first client render matches the server's HTML.
  useState(() => {
    for (const [panelId, data] of Object.entries(snapshot.data)) {
      client.setQueryData(panelQueryKey(panelId), data, { updatedAt: snapshot.now });
    }
  });
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
          <LivePanel key={panel.id} panel={panel} windowMs={snapshot.windowMs} now={now} />
        ))}
      </main>
    </>
  );
}

function LivePanel({ panel, windowMs, now }: { panel: Panel; windowMs: number; now: number }) {
  const { data } = useQuery<PanelData>({
    queryKey: panelQueryKey(panel.id),
    queryFn: () => {
      const to = Date.now();
      return fetchPanelData('', panel.id, to - windowMs, to);
    },
  });
  return <PanelCard panel={panel} data={data} now={now} windowMs={windowMs} />;
}
