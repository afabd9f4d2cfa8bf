import { describe, expect, it } from 'vitest';
import { scopeOptions } from './scope';

describe('scopeOptions', () => {
  it('offers the panel first, then every panel, then each of its tags', () => {
    const options = scopeOptions({ id: 'gpu-util', tags: ['gpu'] });
    expect(options.map((option) => option.label)).toEqual([
      'This panel',
      'All panels',
      'Panels tagged "gpu"',
    ]);
    expect(options[0]).toMatchObject({ panels: ['gpu-util'], tags: [] });
    expect(options[2]).toMatchObject({ panels: [], tags: ['gpu'] });
  });

  it('starts from every panel when there is no panel, with each dashboard tag once', () => {
    const options = scopeOptions(undefined, ['product', 'gpu', 'product']);
    expect(options.map((option) => option.value)).toEqual(['all', 'tag:gpu', 'tag:product']);
    expect(options[0]).toMatchObject({ panels: [], tags: [] });
  });
});
