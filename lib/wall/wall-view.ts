import { appliesTo } from '../annotations/applies-to';
import { FOCUS_LEAD_MS, type Panel, type WallFocus } from '../protocol';
import { absoluteRange, type TimeRange } from '../time-range';

const MINUTE_MS = 60_000;

/** The panels of one playlist page, in the URL's order; every panel when the URL names none. */
export function pagePanels(
  pages: readonly (readonly string[])[] | undefined,
  page: number,
  panels: readonly Panel[],
): Panel[] {
  const ids = pages?.[page];
  if (!ids) return [...panels];
  const byId = new Map(panels.map((panel) => [panel.id, panel]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The panels an incident touches; every panel when it names none the dashboard has. */
export function focusPanels(focus: WallFocus, panels: readonly Panel[]): Panel[] {
  const touched = panels.filter((panel) => appliesTo(focus.incident, panel));
  return touched.length > 0 ? touched : [...panels];
}

/** The last `rangeMs`, live. */
export function liveRange(rangeMs: number): TimeRange {
  return { from: { kind: 'now', offsetMs: rangeMs }, to: { kind: 'now', offsetMs: 0 } };
}

/**
 * From 15 minutes before the incident: live while it is open, whole minutes wide from when the
 * focus was set, so every wall keys the same range; fixed once the incident has ended.
 */
export function focusRange(focus: WallFocus): TimeRange {
  const start = focus.incident.start - FOCUS_LEAD_MS;
  if (focus.incident.end !== null) return absoluteRange(start, focus.incident.end);
  const span = Math.max(FOCUS_LEAD_MS, focus.setAt - start);
  return liveRange(Math.ceil(span / MINUTE_MS) * MINUTE_MS);
}
