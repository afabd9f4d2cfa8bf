'use client';
import { createContext, useContext } from 'react';
import type { Panel } from '@/lib/protocol';

export interface ClusterDrill {
  /** The panels that pick a cluster or show only its part. */
  panels: ReadonlySet<string>;
  cluster: string | undefined;
  select: (cluster: string | undefined) => void;
}

/** What every panel of a screen shares: the range shown, and what a panel may do. */
export interface PanelScope {
  from: number;
  to: number;
  /**
   * The moment the range was read at (a live panel's newest data), where ongoing annotations end.
   * Not a ticking clock: ages and staleness read `useClock`, so no tick re-renders a chart.
   */
  now: number;
  onZoom: (from: number, to: number) => void;
  /** Lets a drag annotate the range it selects, and the annotations shown be edited. */
  canAnnotate: boolean;
  drill?: ClusterDrill;
}

const PanelScopeContext = createContext<PanelScope | undefined>(undefined);

export const PanelScopeProvider = PanelScopeContext.Provider;

export function usePanelScope(): PanelScope {
  const scope = useContext(PanelScopeContext);
  if (!scope) throw new Error('a panel is drawn outside a PanelScopeProvider');
  return scope;
}

/** The cluster drilled into and how to pick another, for a panel that offers the drill. */
export function useClusterDrill(panel: Pick<Panel, 'id'>) {
  const { drill } = usePanelScope();
  if (!drill?.panels.has(panel.id)) return undefined;
  return { cluster: drill.cluster, select: drill.select };
}
