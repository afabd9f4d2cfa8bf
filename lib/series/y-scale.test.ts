import { describe, expect, it } from 'vitest';
import { defaultScale, scaleFromParam, withScaleParam } from './y-scale';

const queue = { id: 'queue-depth', forecast: 'queue-drain' as const };
const gpu = { id: 'gpu-util', forecast: 'none' as const };

describe('the y scale kept in the URL', () => {
  it('starts queue panels on a log axis and the others on a linear one', () => {
    expect(defaultScale(queue)).toBe('log');
    expect(defaultScale(gpu)).toBe('linear');
  });

  it('reads the panel’s parameter, and the default for anything else', () => {
    expect(scaleFromParam(queue, 'linear')).toBe('linear');
    expect(scaleFromParam(gpu, 'log')).toBe('log');
    expect(scaleFromParam(gpu, 'cubic')).toBe('linear');
    expect(scaleFromParam(queue, null)).toBe('log');
  });

  it('writes only a choice that differs from the default, beside the other parameters', () => {
    expect(withScaleParam('from=now-6h&to=now', queue, 'linear')).toBe(
      'from=now-6h&to=now&scale.queue-depth=linear',
    );
    expect(withScaleParam('scale.queue-depth=linear&cluster=a', queue, 'log')).toBe('cluster=a');
  });
});
