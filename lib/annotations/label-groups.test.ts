import { describe, expect, it } from 'vitest';
import { describeGroup, labelWidthPx, layoutLabels } from './label-groups';
import { annotation } from './testing';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const memberIds = (group: { members: { id: string }[] } | undefined) =>
  (group?.members ?? []).map((member) => member.id);

describe('describeGroup', () => {
  it('counts by kind, the largest count first', () => {
    const members = [
      annotation({ id: 'a', kind: 'change' }),
      annotation({ id: 'b', kind: 'incident', severity: 'SEV1' }),
      annotation({ id: 'c', kind: 'change' }),
      annotation({ id: 'd', kind: 'change' }),
    ];
    expect(describeGroup(members)).toBe('3 changes, 1 incident');
    expect(describeGroup(members.slice(1, 2))).toBe('1 incident');
  });
});

describe('layoutLabels', () => {
  it('gives each label its own room while all fit, as lanes do', () => {
    const layout = layoutLabels(
      [
        annotation({ id: 'a', title: 'Launch', start: 10 * 60_000 }),
        annotation({ id: 'b', title: 'Rate limits', start: 40 * 60_000 }),
      ],
      0,
      HOUR,
      { widthPx: 600, now: HOUR },
    );
    expect(layout.groups).toEqual([]);
    expect(layout.lanes.flat().map((item) => item.annotation.id)).toEqual(['a', 'b']);
    expect(layout.lanes[0]?.[0]?.width).toBeCloseTo(labelWidthPx('Launch') / 600);
  });

  it('groups labels that overlap at a long range instead of cutting them short', () => {
    // The launch story's changes and incident fall within two hours of a week.
    const story = [
      annotation({ id: 'launch', title: 'Image generation launched to all users', start: 0 }),
      annotation({
        id: 'overload',
        kind: 'incident',
        severity: 'SEV1',
        title: 'Image generation overloaded',
        start: 25 * 60_000,
        end: 3 * HOUR,
      }),
      annotation({ id: 'limits', title: 'Rate limits enabled', start: 35 * 60_000 }),
      annotation({ id: 'free', title: 'Free-tier rollout postponed', start: 45 * 60_000 }),
    ].map((item) => ({
      ...item,
      start: item.start + 24 * HOUR,
      end: item.end === null ? null : item.end + 24 * HOUR,
    }));
    const far = annotation({
      id: 'far',
      title: 'Cluster online',
      start: 6 * 24 * HOUR,
      updatedAt: 1,
    });
    const layout = layoutLabels([...story, far], 0, WEEK, {
      widthPx: 800,
      now: WEEK,
      maxLanes: 2,
    });
    expect(layout.groups).toHaveLength(1);
    expect(layout.groups[0]?.label).toBe('3 changes, 1 incident');
    expect(memberIds(layout.groups[0]).sort()).toEqual(['free', 'launch', 'limits', 'overload']);
    expect(layout.lanes.flat().map((item) => item.annotation.id)).toEqual(['far']);
  });

  it('keeps groups and single labels apart in one lane, the newest in a lane of its own', () => {
    const crowded = Array.from({ length: 8 }, (_, index) =>
      annotation({
        id: `c${index}`,
        title: `Change ${index}`,
        start: (index % 4) * 60_000 + Math.floor(index / 4) * 4 * 24 * HOUR,
        updatedAt: index,
      }),
    );
    const layout = layoutLabels(crowded, 0, WEEK, { widthPx: 500, now: WEEK, maxLanes: 3 });
    const boxes = [
      ...layout.groups.map((group) => [group.left, group.left + group.width] as const),
      ...(layout.lanes[0] ?? []).map((item) => [item.left, item.left + item.width] as const),
    ].sort((a, b) => a[0] - b[0]);
    boxes.forEach((box, index) => {
      const next = boxes[index + 1];
      if (next) expect(box[1]).toBeLessThanOrEqual(next[0] + 1e-9);
      expect(box[1]).toBeLessThanOrEqual(1 + 1e-9);
    });
    expect(layout.groups.map((group) => group.label)).toEqual(['4 changes', '3 changes']);
    expect(layout.lanes[1]?.map((item) => item.annotation.id)).toEqual(['c7']);
  });

  it('groups more at a narrower width', () => {
    const spread = Array.from({ length: 6 }, (_, index) =>
      annotation({ id: `s${index}`, title: `Deploy ${index}`, start: index * HOUR }),
    );
    const wide = layoutLabels(spread, 0, 6 * HOUR, { widthPx: 1200, now: 6 * HOUR, maxLanes: 1 });
    const narrow = layoutLabels(spread, 0, 6 * HOUR, { widthPx: 240, now: 6 * HOUR, maxLanes: 1 });
    expect(wide.groups).toEqual([]);
    expect(narrow.groups.length).toBeGreaterThan(0);
  });
});
