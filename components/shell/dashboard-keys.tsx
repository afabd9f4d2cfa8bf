'use client';
import { useState } from 'react';
import { useShortcuts } from '@/lib/client/use-shortcuts';
import { shiftRange } from '@/lib/range-shift';
import { zoomOut, type TimeRange } from '@/lib/time-range';
import type { PanelView } from './panel-view';
import { ShortcutsDialog } from './shortcuts-dialog';
import './dashboard-keys.css';

interface Props {
  range: TimeRange;
  onRangeChange: (range: TimeRange) => void;
  view: PanelView;
}

/** The panel under the pointer, else the one holding focus: what `v` opens. */
function targetPanelId(): string | undefined {
  const panel =
    document.querySelector('[data-panel-id]:hover') ??
    document.activeElement?.closest('[data-panel-id]');
  return panel?.getAttribute('data-panel-id') ?? undefined;
}

/** The dashboard's keyboard shortcuts, and the `?` dialog that lists them. */
export function DashboardKeys({ range, onRangeChange, view }: Props) {
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({
    'zoom-out': () => onRangeChange(zoomOut(range, Date.now())),
    'shift-back': () => onRangeChange(shiftRange(range, Date.now(), 'back')),
    'shift-forward': () => onRangeChange(shiftRange(range, Date.now(), 'forward')),
    'view-panel': () => {
      const panelId = targetPanelId();
      if (panelId) view.open(panelId);
    },
    // Only in the panel view, so Esc still closes dialogs everywhere else.
    back: view.current ? view.close : undefined,
    help: () => setHelpOpen(true),
  });
  return <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />;
}
