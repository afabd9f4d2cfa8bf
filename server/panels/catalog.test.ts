import { describe, expect, it } from 'vitest';
import { DEFAULT_PANELS } from '../dashboard';
import { createPanelCatalog, type PanelChange } from './catalog';

const [first, second, third] = DEFAULT_PANELS;
if (!first || !second || !third) throw new Error('the built-in dashboard has three panels or more');

describe('panel catalog', () => {
  it('lists and finds the panels it was given, in order', () => {
    const catalog = createPanelCatalog([first, second]);
    expect(catalog.list().map((panel) => panel.id)).toEqual([first.id, second.id]);
    expect(catalog.get(second.id)).toEqual(second);
    expect(catalog.get('nope')).toBeUndefined();
  });

  it('tells listeners which panels were added, removed and changed', () => {
    const catalog = createPanelCatalog([first, second]);
    const heard: PanelChange[] = [];
    catalog.onChange((change) => heard.push(change));
    catalog.replace([{ ...first, title: 'Renamed' }, third]);
    expect(heard).toEqual([
      { version: 1, added: [third.id], removed: [second.id], changed: [first.id] },
    ]);
    expect(catalog.get(first.id)?.title).toBe('Renamed');
    expect(catalog.get(second.id)).toBeUndefined();
  });

  it('stays quiet when the same panels come back, and stops telling a listener that left', () => {
    const catalog = createPanelCatalog([first, second]);
    const heard: PanelChange[] = [];
    const stop = catalog.onChange((change) => heard.push(change));
    catalog.replace([{ ...first }, { ...second }]);
    expect(heard).toEqual([]);
    catalog.replace([second, first]);
    expect(heard.map((change) => change.version)).toEqual([1]);
    stop();
    catalog.replace([first]);
    expect(heard).toHaveLength(1);
    expect(catalog.version).toBe(2);
  });
});
