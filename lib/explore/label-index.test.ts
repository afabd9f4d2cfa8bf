import { describe, expect, it } from 'vitest';
import { labelIndex } from './label-index';

describe('labelIndex', () => {
  it('lists each label name once with its distinct values, sorted, without __name__', () => {
    expect(
      labelIndex([
        { __name__: 'cpu', mode: 'user', cpu: '1' },
        { __name__: 'cpu', mode: 'idle', cpu: '0' },
        { __name__: 'cpu', mode: 'idle', cpu: '1' },
      ]),
    ).toEqual([
      ['cpu', ['0', '1']],
      ['mode', ['idle', 'user']],
    ]);
  });
});
