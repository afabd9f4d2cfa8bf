import { describe, expect, it, vi } from 'vitest';
import { recordLiveUpdate, subscribeToLiveLatest } from './live-latest';

const batch = (ts: number) => ({
  newestSampleAt: ts,
  series: [{ key: 'a', labels: {}, points: [[ts, 1]] as [number, number][] }],
});

describe('live latest', () => {
  it('wakes only the panel a batch is for', () => {
    const gpu = vi.fn();
    const queue = vi.fn();
    const stopGpu = subscribeToLiveLatest('gpu', gpu);
    const stopQueue = subscribeToLiveLatest('queue', queue);
    recordLiveUpdate('gpu', batch(1_000));
    expect(gpu).toHaveBeenCalledTimes(1);
    expect(queue).not.toHaveBeenCalled();
    stopGpu();
    stopQueue();
  });

  it('wakes nobody for a batch that brings nothing new', () => {
    recordLiveUpdate('signups', batch(1_000));
    const listener = vi.fn();
    const stop = subscribeToLiveLatest('signups', listener);
    recordLiveUpdate('signups', { newestSampleAt: null, series: [] });
    recordLiveUpdate('signups', { newestSampleAt: 1_000, series: [] });
    expect(listener).not.toHaveBeenCalled();
    recordLiveUpdate('signups', batch(2_000));
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});
