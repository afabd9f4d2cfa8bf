'use client';
import { createContext, useContext, type ReactNode } from 'react';
import { ChartHeightProvider } from '@/components/panels/chart-height';
import './panel-view.css';

/** Panel view mode (`?view=<panelId>`): one panel full screen, entered and left from its header. */
export interface PanelView {
  current: string | undefined;
  open: (panelId: string) => void;
  close: () => void;
}

const PanelViewContext = createContext<PanelView | undefined>(undefined);

/** In the view, the one chart fills the height that `.panel-grid-view .chart` gives it. */
export function PanelViewProvider({ value, children }: { value: PanelView; children: ReactNode }) {
  return (
    <PanelViewContext.Provider value={value}>
      <ChartHeightProvider value={value.current ? '100%' : undefined}>
        {children}
      </ChartHeightProvider>
    </PanelViewContext.Provider>
  );
}

/** The panel header's button: into the full-screen view, or back to the dashboard from it. */
export function PanelViewButton({ panelId, title }: { panelId: string; title: string }) {
  const view = useContext(PanelViewContext);
  if (!view) return null;
  if (view.current === panelId) {
    return (
      <button type="button" className="panel-view-button" onClick={view.close}>
        Back to dashboard
      </button>
    );
  }
  return (
    <button
      type="button"
      className="panel-view-button"
      aria-label={`View ${title} full screen`}
      title="View full screen (v)"
      onClick={() => view.open(panelId)}
    >
      ⤢
    </button>
  );
}
