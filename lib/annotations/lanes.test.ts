import { describe, expect, it } from 'vitest';
import { layoutLanes } from './lanes';
import { annotation } from './testing';

const ids = (lane: { annotation: { id: string } }[] | undefined) =>
  (lane ?? []).map((item) => item.annotation.id);

describe('layoutLanes', () => {
  it('places regions in percent of the range', () => {
    const { lanes } = layoutLanes([annotation({ id: 'a', start: 250, end: 750 })], 0, 1000);
    expect(lanes[0]).toEqual([expect.objectContaining({ lane: 0, left: 0.25, width: 0.5 })]);
  });

  it('keeps annotations that do not overlap in one lane', () => {
    const { lanes } = layoutLanes(
      [annotation({ id: 'b', start: 600, end: 900 }), annotation({ id: 'a', start: 0, end: 500 })],
      0,
      1000,
    );
    expect(lanes).toHaveLength(1);
    expect(ids(lanes[0])).toEqual(['a', 'b']);
  });

  it('moves overlapping annotations to separate lanes and reuses a lane once it is free', () => {
    const { lanes } = layoutLanes(
      [
        annotation({ id: 'a', start: 0, end: 400 }),
        annotation({ id: 'b', start: 300, end: 700 }),
        annotation({ id: 'c', start: 500, end: 900 }),
      ],
      0,
      1000,
    );
    expect(ids(lanes[0])).toEqual(['a', 'c']);
    expect(ids(lanes[1])).toEqual(['b']);
  });

  it('gives points a minimum width, so two close points do not share a lane', () => {
    const { lanes } = layoutLanes(
      [
        annotation({ id: 'p', start: 500, end: 500 }),
        annotation({ id: 'q', start: 520, end: 520 }),
      ],
      0,
      1000,
      { minWidth: 0.1 },
    );
    expect(lanes[0]).toEqual([expect.objectContaining({ left: 0.5, width: 0.1 })]);
    expect(ids(lanes[1])).toEqual(['q']);
  });

  it('slides a point near the right edge left so its label stays inside', () => {
    const { lanes } = layoutLanes([annotation({ id: 'p', start: 990, end: 990 })], 0, 1000, {
      minWidth: 0.1,
    });
    expect(lanes[0]?.[0]?.left).toBeCloseTo(0.9);
  });

  it('runs an ongoing region to now, and clips regions to the range', () => {
    const { lanes } = layoutLanes(
      [
        annotation({ id: 'ongoing', start: 500, end: null }),
        annotation({ id: 'early', start: -500, end: 200 }),
      ],
      0,
      1000,
      { now: 800 },
    );
    expect(lanes[0]).toEqual([
      expect.objectContaining({ annotation: expect.objectContaining({ id: 'early' }), left: 0 }),
      expect.objectContaining({ left: 0.5, width: expect.closeTo(0.3) }),
    ]);
  });

  it('leaves out annotations outside the range', () => {
    const layout = layoutLanes(
      [annotation({ id: 'before', start: 0, end: 90 }), annotation({ id: 'after', start: 2000 })],
      100,
      1000,
    );
    expect(layout).toEqual({ lanes: [], hidden: [] });
  });

  it('caps the lanes shown and reports the rest as hidden', () => {
    const stacked = ['a', 'b', 'c', 'd', 'e'].map((id) => annotation({ id, start: 0, end: 1000 }));
    const { lanes, hidden } = layoutLanes(stacked, 0, 1000, { maxLanes: 3 });
    expect(lanes.map(ids)).toEqual([['a'], ['b'], ['c']]);
    expect(hidden.map((item) => item.id)).toEqual(['d', 'e']);
  });
});

describe('layoutLanes when not everything fits', () => {
  it('keeps labels for live incidents first, then the newest', () => {
    const crowded = [
      annotation({ id: 'old-change', kind: 'change', severity: null, start: 100, end: 900 }),
      annotation({
        id: 'resolved',
        kind: 'incident',
        severity: 'SEV1',
        status: 'resolved',
        start: 150,
        end: 900,
      }),
      annotation({ id: 'new-change', kind: 'change', severity: null, start: 800, end: 800 }),
      annotation({ id: 'sev1', kind: 'incident', severity: 'SEV1', start: 300, end: null }),
    ];
    const { lanes, hidden } = layoutLanes(crowded, 0, 1000, { maxLanes: 2, minWidth: 0.3 });
    expect(lanes.map(ids)).toEqual([['sev1'], ['new-change']]);
    expect(hidden.map((item) => item.id).sort()).toEqual(['old-change', 'resolved']);
  });
});
