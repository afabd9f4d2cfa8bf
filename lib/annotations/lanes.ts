import type { Annotation } from '../protocol';
import { isLive } from './lifecycle';

/** An annotation placed in a lane; `left` and `width` are fractions of the plot area's width. */
export interface LaneItem {
  annotation: Annotation;
  lane: number;
  left: number;
  width: number;
}

export interface LaneLayout {
  lanes: LaneItem[][];
  /** Annotations that would need more lanes than are shown. */
  hidden: Annotation[];
}

export interface LaneOptions {
  /** Where an ongoing region ends; past the range's end it stops at the right edge. */
  now?: number;
  maxLanes?: number;
  /** Points and short regions take at least this fraction (or each its own), so titles read. */
  minWidth?: number | ((annotation: Annotation) => number);
}

export type Placed = Omit<LaneItem, 'lane'>;

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function place(
  annotation: Annotation,
  from: number,
  to: number,
  options: Required<LaneOptions>,
): Placed {
  const span = to - from;
  const end = annotation.end ?? Math.min(options.now, to);
  const start = clamp((annotation.start - from) / span);
  const minWidth =
    typeof options.minWidth === 'number' ? options.minWidth : options.minWidth(annotation);
  const width = Math.max(minWidth, clamp((end - from) / span) - start);
  // A label wider than the room left before the right edge slides left to stay inside.
  const left = Math.max(0, Math.min(start, 1 - width));
  return { annotation, left, width: Math.min(1, width) };
}

/** Whether any of the annotation lies in the range; an ongoing one reaches to now. */
export function inRange(annotation: Annotation, from: number, to: number, now: number): boolean {
  return annotation.start <= to && (annotation.end ?? Math.max(annotation.start, now)) >= from;
}

/**
 * Greedy interval partitioning: annotations sorted by where they start each go to the first lane
 * that is free by then, so no two in a lane overlap and no more lanes are used than necessary.
 */
export function layoutLanes(
  annotations: readonly Annotation[],
  from: number,
  to: number,
  options: LaneOptions = {},
): LaneLayout {
  const settings: Required<LaneOptions> = {
    now: options.now ?? to,
    maxLanes: options.maxLanes ?? 3,
    minWidth: options.minWidth ?? 0.28,
  };
  if (!(to > from)) return { lanes: [], hidden: [] };
  const visible = annotations.filter((item) => inRange(item, from, to, settings.now));
  const placed = visible
    .map((annotation) => place(annotation, from, to, settings))
    .sort(
      (a, b) =>
        a.left - b.left ||
        b.width - a.width ||
        a.annotation.start - b.annotation.start ||
        a.annotation.id.localeCompare(b.annotation.id),
    );
  const packed = partition(placed);
  if (packed.length <= settings.maxLanes) return { lanes: packed, hidden: [] };
  return firstFitByImportance(placed, settings.maxLanes);
}

/** Each item to the first lane free by its start: as few lanes as the overlaps allow. */
function partition(placed: readonly Placed[]): LaneItem[][] {
  const lanes: LaneItem[][] = [];
  const laneEnds: number[] = [];
  for (const item of placed) {
    let lane = laneEnds.findIndex((end) => end <= item.left);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = item.left + item.width;
    (lanes[lane] ??= []).push({ ...item, lane });
  }
  return lanes;
}

/** Lower is shown first when not everything fits: live incidents by severity, then live alerts. */
function importance(annotation: Annotation): number {
  const live = isLive(annotation);
  switch (annotation.kind) {
    case 'incident':
      return (live ? 0 : 6) + SEVERITY_RANK.indexOf(annotation.severity ?? 'SEV4');
    case 'alert':
      return live ? 4 : 11;
    case 'change':
      return 5;
    default: {
      const unknown: never = annotation.kind;
      return unknown;
    }
  }
}

const SEVERITY_RANK = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** With more overlaps than lanes, the most important (and then the newest) keep a label. */
function firstFitByImportance(placed: readonly Placed[], maxLanes: number): LaneLayout {
  const ordered = [...placed].sort(
    (a, b) =>
      importance(a.annotation) - importance(b.annotation) ||
      b.annotation.start - a.annotation.start,
  );
  const lanes: LaneItem[][] = [];
  const hidden: Annotation[] = [];
  for (const item of ordered) {
    const fits = (lane: LaneItem[] | undefined) =>
      !lane?.some(
        (other) => other.left < item.left + item.width && item.left < other.left + other.width,
      );
    let lane = 0;
    while (lane < maxLanes && !fits(lanes[lane])) lane++;
    if (lane === maxLanes) {
      hidden.push(item.annotation);
      continue;
    }
    (lanes[lane] ??= []).push({ ...item, lane });
  }
  for (const lane of lanes) lane.sort((a, b) => a.left - b.left);
  return { lanes, hidden };
}
