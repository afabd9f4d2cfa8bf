'use client';
import { useState } from 'react';
import type { Panel } from '@/lib/protocol';
import type { HeatCell, HeatCluster } from '@/lib/series/heatmap';
import { describeCell, heatSummaryText, notableGpus } from '@/lib/series/heatmap-notable';

const LISTED = 64;

interface Props {
  panel: Panel;
  clusters: readonly HeatCluster[];
  at: number;
}

/** The grid in words for a keyboard or a screen reader: counts, then only the GPUs that matter. */
export function HeatmapSummary({ panel, clusters, at }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="heatmap-summary"
      data-testid={`heatmap.${panel.id}.summary`}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{heatSummaryText(clusters, panel, at)}</summary>
      {open && <NotableLists panel={panel} clusters={clusters} at={at} />}
    </details>
  );
}

function NotableLists({ panel, clusters, at }: Props) {
  const { hot, silent } = notableGpus(clusters, panel, at);
  return (
    <>
      <CellList title="Hot" cells={hot} panel={panel} stale={false} />
      <CellList title="Silent" cells={silent} panel={panel} stale />
    </>
  );
}

function CellList({
  title,
  cells,
  panel,
  stale,
}: {
  title: string;
  cells: readonly HeatCell[];
  panel: Panel;
  stale: boolean;
}) {
  if (cells.length === 0) return null;
  return (
    <section aria-label={`${title} GPUs`}>
      <h4>
        {title} ({cells.length})
      </h4>
      <ul>
        {cells.slice(0, LISTED).map((cell) => (
          <li key={cell.key}>{describeCell(cell, panel, stale)}</li>
        ))}
        {cells.length > LISTED && <li>and {cells.length - LISTED} more</li>}
      </ul>
    </section>
  );
}
