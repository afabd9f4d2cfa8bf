'use client';
import { AppLink } from '@/components/shell/app-link';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { PanelScopeProvider, type PanelScope } from '@/components/panels/panel-scope';
import { appliesTo } from '@/lib/annotations/applies-to';
import { useZoneHref } from '@/lib/client/use-timezone';
import { dashboardHref, type TimeWindow } from '@/lib/incidents/window';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import { IncidentPanel } from './incident-panel';

interface Props {
  annotation: Annotation;
  panels: readonly Panel[];
  window: TimeWindow;
  /** Panel data the server fetched, for `window` only when it is still `initialWindow`. */
  initial: Record<string, PanelData>;
  initialWindow: TimeWindow;
  initialAt: number;
  now: number;
  canAnnotate: boolean;
}

/** Every panel the annotation applies to, around its window; a drag opens that range live. */
export function IncidentPanels({
  annotation,
  panels,
  window,
  initial,
  initialWindow,
  ...rest
}: Props) {
  const router = useRouter();
  const zoneHref = useZoneHref();
  const zoom = useCallback(
    (from: number, to: number) => router.push(zoneHref(dashboardHref({ from, to }))),
    [router, zoneHref],
  );
  const scope = useMemo(
    (): PanelScope => ({
      from: window.from,
      to: window.to,
      now: rest.now,
      onZoom: zoom,
      canAnnotate: rest.canAnnotate,
    }),
    [window.from, window.to, rest.now, zoom, rest.canAnnotate],
  );
  const touched = panels.filter((panel) => appliesTo(annotation, panel));
  const firstPaint = window.from === initialWindow.from && window.to === initialWindow.to;
  return (
    <section className="incident-section" aria-labelledby="incident-panels-title">
      <div className="incident-section-heading">
        <h2 id="incident-panels-title">Panels around its window</h2>
        <AppLink href={dashboardHref(window)}>Open this window on the dashboard</AppLink>
      </div>
      {touched.length === 0 ? (
        <p className="incident-muted">It applies to no panel on the dashboard.</p>
      ) : (
        <div className="panel-grid incident-panel-grid">
          <PanelScopeProvider value={scope}>
            {touched.map((panel) => (
              <IncidentPanel
                key={panel.id}
                panel={panel}
                annotation={annotation}
                window={window}
                initial={firstPaint ? initial[panel.id] : undefined}
                initialAt={rest.initialAt}
              />
            ))}
          </PanelScopeProvider>
        </div>
      )}
    </section>
  );
}
