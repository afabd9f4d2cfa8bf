import { isDeepStrictEqual } from 'node:util';
import type { Panel } from '../../lib/protocol';

/** What one replace did, by panel id; `version` counts the replaces that changed anything. */
export interface PanelChange {
  version: number;
  added: string[];
  removed: string[];
  changed: string[];
}

/** Read-only view for the routes that only look panels up. */
export interface PanelLookup {
  list(): readonly Panel[];
  get(id: string): Panel | undefined;
}

export interface PanelCatalog extends PanelLookup {
  readonly version: number;
  /** Swaps the whole list; listeners hear of it only when something changed. */
  replace(panels: readonly Panel[]): PanelChange;
  /** Returns the function that stops listening. */
  onChange(listener: (change: PanelChange) => void): () => void;
}

/** The dashboard's current panels, in order, which a reloaded dashboard file replaces. */
export function createPanelCatalog(initial: readonly Panel[]): PanelCatalog {
  let panels: readonly Panel[] = [...initial];
  let byId = new Map(panels.map((panel) => [panel.id, panel]));
  let version = 0;
  const listeners = new Set<(change: PanelChange) => void>();

  return {
    get version() {
      return version;
    },
    list: () => panels,
    get: (id) => byId.get(id),
    replace(next) {
      const nextById = new Map(next.map((panel) => [panel.id, panel]));
      const added = next.filter((panel) => !byId.has(panel.id)).map((panel) => panel.id);
      const removed = panels.filter((panel) => !nextById.has(panel.id)).map((panel) => panel.id);
      const changed = next
        .filter((panel) => {
          const before = byId.get(panel.id);
          return before !== undefined && !isDeepStrictEqual(before, panel);
        })
        .map((panel) => panel.id);
      const reordered = !isDeepStrictEqual(
        panels.map((panel) => panel.id),
        next.map((panel) => panel.id),
      );
      const unchanged = !reordered && added.length + removed.length + changed.length === 0;
      if (unchanged) return { version, added, removed, changed };
      panels = [...next];
      byId = nextById;
      version += 1;
      const change = { version, added, removed, changed };
      for (const listener of listeners) listener(change);
      return change;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
