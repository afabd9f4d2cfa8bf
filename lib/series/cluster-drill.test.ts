import { describe, expect, it } from 'vitest';
import type { Panel } from '../protocol';
import { clusterDrillPanels } from './cluster-drill';

const panel = (id: string, by: string[], display: Panel['display'] = 'lines') => ({
  id,
  display,
  query: { metric: 'm', matchers: {}, aggregation: 'avg' as const, by },
});

describe('clusterDrillPanels', () => {
  it('lets the by-cluster lines and the heatmap pick a cluster', () => {
    const panels = [
      panel('fleet', []),
      panel('by-cluster', ['cluster']),
      panel('by-workload', ['workload']),
      panel('heatmap', ['cluster', 'Hostname', 'gpu'], 'heatmap'),
    ];
    expect([...clusterDrillPanels(panels)].sort()).toEqual(['by-cluster', 'heatmap']);
  });

  it('offers nothing without a heatmap to drill into', () => {
    expect(clusterDrillPanels([panel('by-cluster', ['cluster'])]).size).toBe(0);
  });
});
