import type { Annotation, AnnotationKind } from '../protocol';
import { inRange, layoutLanes, place, type LaneItem, type Placed } from './lanes';

/** Annotations whose labels would overlap, shown as one label that opens their list. */
export interface LabelGroup {
  members: Annotation[];
  /** "3 changes, 1 incident". */
  label: string;
  /** Fractions of the plot area's width, as for lane items. */
  left: number;
  width: number;
}

export interface LabelLayout {
  lanes: LaneItem[][];
  /** Drawn in the first lane beside its items; empty while every label fits its own lane. */
  groups: LabelGroup[];
}

export interface LabelOptions {
  /** The plot area's width in pixels now: what overlaps depends on it. */
  widthPx: number;
  now: number;
  maxLanes?: number;
}

/** An 11 px label: an average glyph's advance, and the padding, border and "✓ " around it. */
const CHAR_PX = 6.2;
const LABEL_PADDING_PX = 20;
const MIN_LABEL_PX = 44;
const MAX_LABEL_PX = 240;

/** The pixels a label needs to be read whole (long titles still end in an ellipsis). */
export function labelWidthPx(text: string): number {
  const wanted = text.length * CHAR_PX + LABEL_PADDING_PX;
  return Math.min(MAX_LABEL_PX, Math.max(MIN_LABEL_PX, wanted));
}

const KIND_ORDER: readonly AnnotationKind[] = ['incident', 'alert', 'change'];
const PLURALS: Record<AnnotationKind, [string, string]> = {
  incident: ['incident', 'incidents'],
  alert: ['alert', 'alerts'],
  change: ['change', 'changes'],
};

/** Counts by kind, the largest first: "3 changes, 1 incident". */
export function describeGroup(members: readonly Pick<Annotation, 'kind'>[]): string {
  const counts = new Map<AnnotationKind, number>();
  for (const { kind } of members) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))
    .map(([kind, count]) => `${count} ${PLURALS[kind][count === 1 ? 0 : 1]}`)
    .join(', ');
}

/**
 * Labels at their full width in up to `maxLanes` lanes while they fit; when they do not (a long
 * range, a narrow panel), labels that overlap at this width merge into groups, all in one lane,
 * instead of being cut to stubs or left out.
 */
export function layoutLabels(
  annotations: readonly Annotation[],
  from: number,
  to: number,
  options: LabelOptions,
): LabelLayout {
  const widthPx = Math.max(1, options.widthPx);
  const minWidth = (annotation: Annotation) => labelWidthPx(annotation.title) / widthPx;
  const maxLanes = options.maxLanes ?? 3;
  const lanes = layoutLanes(annotations, from, to, { now: options.now, maxLanes, minWidth });
  if (lanes.hidden.length === 0) return { lanes: lanes.lanes, groups: [] };
  const settings = { now: options.now, maxLanes, minWidth };
  const placed = annotations
    .filter((annotation) => inRange(annotation, from, to, options.now))
    .map((annotation) => place(annotation, from, to, settings))
    .sort((a, b) => a.left - b.left || a.annotation.start - b.annotation.start);
  // The annotation written last, most often the one just made or edited, keeps a label of its own
  // in a lane above the groups.
  const newest = placed.reduce<Placed | undefined>(
    (latest, item) =>
      latest && latest.annotation.updatedAt >= item.annotation.updatedAt ? latest : item,
    undefined,
  );
  const merged = mergeOverlapping(
    placed.filter((item) => item !== newest),
    widthPx,
  );
  const single = merged.filter((box) => box.members.length === 1).map((box) => asLaneItem(box));
  return {
    lanes: newest ? [single, [{ ...newest, lane: 1 }]] : [single],
    groups: merged.filter((box) => box.members.length > 1).map(asGroup),
  };
}

interface Box {
  members: Placed[];
  left: number;
  right: number;
}

/** Sweeps left to right, folding each label into the box before it while the two overlap. */
function mergeOverlapping(placed: readonly Placed[], widthPx: number): Box[] {
  const boxes: Box[] = [];
  for (const item of placed) {
    let box: Box = { members: [item], left: item.left, right: item.left + item.width };
    // A group's own label may need more room than its members, which can reach the box before.
    for (
      let previous = boxes.at(-1);
      previous && previous.right > box.left;
      previous = boxes.at(-1)
    ) {
      boxes.pop();
      box = fitGroupLabel(
        {
          members: [...previous.members, ...box.members],
          left: Math.min(previous.left, box.left),
          right: Math.max(previous.right, box.right),
        },
        widthPx,
      );
    }
    boxes.push(box);
  }
  return boxes;
}

function fitGroupLabel(box: Box, widthPx: number): Box {
  const label = describeGroup(box.members.map((item) => item.annotation));
  const width = Math.min(1, Math.max(box.right - box.left, labelWidthPx(label) / widthPx));
  const left = Math.max(0, Math.min(box.left, 1 - width));
  return { ...box, left, right: left + width };
}

function asLaneItem(box: Box): LaneItem {
  const [item] = box.members as [Placed];
  return { ...item, lane: 0 };
}

function asGroup(box: Box): LabelGroup {
  const members = box.members.map((item) => item.annotation);
  return {
    members,
    label: describeGroup(members),
    left: box.left,
    width: box.right - box.left,
  };
}
