import type { SourceRowView } from '@/lib/sources/source-view';

/** Colour and word together: the word alone says it to a screen reader or a grey screen. */
export function StateBadge({ view, id }: { view: SourceRowView; id: string }) {
  return (
    <span
      className={`source-badge source-state-${view.state}`}
      data-testid={`sources.state.${id}`}
      data-state={view.state}
    >
      {view.stateLabel}
    </span>
  );
}
