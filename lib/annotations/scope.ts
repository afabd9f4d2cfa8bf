import type { Panel } from '../protocol';

/** A choice of which panels a new annotation applies to: named panels, shared tags, or all. */
export interface ScopeOption {
  value: string;
  label: string;
  panels: string[];
  tags: string[];
}

const ALL: ScopeOption = { value: 'all', label: 'All panels', panels: [], tags: [] };

/**
 * From a panel: that panel, all panels, or the panels sharing one of its tags. From the header,
 * with no panel: all panels or those with one of the dashboard's tags.
 */
export function scopeOptions(
  panel: Pick<Panel, 'id' | 'tags'> | undefined,
  dashboardTags: readonly string[] = [],
): ScopeOption[] {
  const tags = panel ? panel.tags : [...new Set(dashboardTags)].sort();
  const byTag = tags.map((tag) => ({
    value: `tag:${tag}`,
    label: `Panels tagged "${tag}"`,
    panels: [],
    tags: [tag],
  }));
  if (!panel) return [ALL, ...byTag];
  return [{ value: 'panel', label: 'This panel', panels: [panel.id], tags: [] }, ALL, ...byTag];
}
