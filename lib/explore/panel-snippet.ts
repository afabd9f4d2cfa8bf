import { stringify } from 'yaml';
import type { Unit } from '../protocol';

export interface PanelSnippet {
  expr: string;
  title: string;
  unit: Unit;
}

/** A panel id from its title: lower case, dashes, starting with a letter, at most 48 long. */
export function panelId(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug === '' ? 'explore-panel' : slug;
}

/** The step Explore never goes below; the file's `interval` is how often the series report. */
const DEFAULT_INTERVAL = '15s';

/** The panel as an entry of `panels:` in headroom.yaml, ready to paste. */
export function panelSnippet({ expr, title, unit }: PanelSnippet): string {
  const panel = {
    id: panelId(title),
    title,
    unit,
    interval: DEFAULT_INTERVAL,
    query: { expr: expr.trim() },
  };
  return stringify({ panels: [panel] }, { lineWidth: 0 });
}
