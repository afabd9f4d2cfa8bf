import { describe, expect, it } from 'vitest';
import type { Annotation, Panel, WallFocus } from '../protocol';
import { focusPanels, focusRange, pagePanels } from './wall-view';

const panel = (id: string, tags: string[] = []) => ({ id, tags }) as unknown as Panel;
const panels = [panel('gpu-util', ['gpu']), panel('queue-depth'), panel('signups')];

const focusOn = (incident: Partial<Annotation>, setAt: number): WallFocus => ({
  incident: {
    id: 'inc-1',
    panels: [],
    tags: [],
    start: 1_000_000_000,
    end: null,
    ...incident,
  } as Annotation,
  setBy: 'eddie',
  setAt,
});

describe('wall view', () => {
  it('keeps the URL order of a page and skips ids the dashboard lacks', () => {
    expect(pagePanels([['signups', 'nope', 'gpu-util']], 0, panels).map((p) => p.id)).toEqual([
      'signups',
      'gpu-util',
    ]);
    expect(pagePanels(undefined, 0, panels)).toHaveLength(3);
  });

  it('focuses the panels an incident names or tags, else all', () => {
    expect(focusPanels(focusOn({ tags: ['gpu'] }, 0), panels).map((p) => p.id)).toEqual([
      'gpu-util',
    ]);
    expect(focusPanels(focusOn({ panels: ['missing'] }, 0), panels)).toHaveLength(3);
  });

  it('draws an open incident from 15 minutes before it, in whole minutes, live', () => {
    const range = focusRange(focusOn({}, 1_000_000_000 + 90_500));
    expect(range.to).toEqual({ kind: 'now', offsetMs: 0 });
    expect(range.from).toEqual({ kind: 'now', offsetMs: 17 * 60_000 });
  });

  it('draws an ended incident as a fixed window', () => {
    const range = focusRange(focusOn({ end: 1_000_600_000 }, 0));
    expect(range).toEqual({
      from: { kind: 'absolute', ts: 1_000_000_000 - 900_000 },
      to: { kind: 'absolute', ts: 1_000_600_000 },
    });
  });
});
