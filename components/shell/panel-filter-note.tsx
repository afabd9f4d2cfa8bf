import type { PanelFilterState } from '@/lib/protocol';
import './panel-view.css';

/** Says on the panel whether the dashboard's filter narrowed it or could not. */
export function PanelFilterNote({ panelId, state }: { panelId: string; state?: PanelFilterState }) {
  if (!state) return null;
  return (
    <span
      className={state.applied ? 'panel-filter' : 'panel-filter panel-filter-none'}
      data-testid={`panel.${panelId}.filter`}
      data-applied={state.applied}
      title={
        state.applied
          ? `Only series with ${state.label}="${state.value}"`
          : `This panel's series carry no ${state.label} label`
      }
    >
      {state.applied ? `${state.label}: ${state.value}` : `not filtered by ${state.label}`}
    </span>
  );
}
