import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockNow, subscribeToClock } from './clock';

describe('the page clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_400);
  });
  afterEach(() => vi.useRealTimers());

  it('ticks on each whole second, one timer however many listen', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = subscribeToClock(first);
    const stopSecond = subscribeToClock(second);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(599);
    expect(first).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(clockNow()).toBe(11_000);
    vi.advanceTimersByTime(2_000);
    expect(first).toHaveBeenCalledTimes(3);
    expect(second).toHaveBeenCalledTimes(3);
    stopFirst();
    stopSecond();
  });

  it('stops ticking when nothing listens, so a page without a clock runs nothing', () => {
    const listener = vi.fn();
    const stop = subscribeToClock(listener);
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(listener).not.toHaveBeenCalled();
  });
});
