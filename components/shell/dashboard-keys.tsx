'use client';
import { useState } from 'react';
import { useShortcuts } from '@/lib/client/use-shortcuts';
import { shiftRange } from '@/lib/range-shift';
import { parseTimeRange, zoomOut, type TimeRange } from '@/lib/time-range';
import type { PanelView } from './panel-view';
import { ShortcutsDialog } from './shortcuts-dialog';
import './dashboard-keys.css';

interface Props {
  onRangeChange: (range: TimeRange) => void;
  view: PanelView;
}

/**
 * The range in the URL as the key is pressed: a key that follows another before React re-renders
 * from the first still acts on the range the first one made.
 */
function rangeNow(): TimeRange {
  const params = new URLSearchParams(window.location.search);
  return parseTimeRange({ from: params.get('from'), to: params.get('to') }, Date.now());
}

/** The panel under the pointer, else the one holding focus: what `v` opens. */
function targetPanelId(): string | undefined {
  const panel =
    document.querySelector('[data-panel-id]:hover') ??
    document.activeElement?.closest('[data-panel-id]');
  return panel?.getAttribute('data-panel-id') ?? undefined;
}

/** The dashboard's keyboard shortcuts, and the `?` dialog that lists them. */
export function DashboardKeys({ onRangeChange, view }: Props) {
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({
    'zoom-out': () => onRangeChange(zoomOut(rangeNow(), Date.now())),
    'shift-back': () => onRangeChange(shiftRange(rangeNow(), Date.now(), 'back')),
    'shift-forward': () => onRangeChange(shiftRange(rangeNow(), Date.now(), 'forward')),
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
