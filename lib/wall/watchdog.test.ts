import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_STALL_MS, VERSION_CHECK_MS, startWatchdog, type WatchdogDeps } from './watchdog';

let frames: (() => void)[];
let version: string;
let reasons: string[];
let stop: () => void;

function start(overrides: Partial<WatchdogDeps> = {}) {
  stop = startWatchdog({
    requestFrame: (callback) => frames.push(callback),
    now: () => Date.now(),
    visible: () => true,
    fetchVersion: async () => version,
    reload: (reason) => reasons.push(reason),
    reloadHour: undefined,
    tz: 'UTC',
    ...overrides,
  });
}

const drawFrames = () => frames.splice(0).forEach((frame) => frame());

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-02T01:00:00Z') });
  frames = [];
  version = '1.0.0';
  reasons = [];
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('wall watchdog', () => {
  it('leaves a page alone while it draws frames', async () => {
    start();
    for (let i = 0; i < 20; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      drawFrames();
    }
    expect(reasons).toEqual([]);
  });

  it('reloads when no frame is drawn for the stall bound', async () => {
    start();
    await vi.advanceTimersByTimeAsync(FRAME_STALL_MS + 5_000);
    expect(reasons).toEqual(['render-stalled']);
  });

  it('does not count a hidden page’s missing frames as a stall', async () => {
    start({ visible: () => false });
    await vi.advanceTimersByTimeAsync(3 * FRAME_STALL_MS);
    expect(reasons).toEqual([]);
  });

  it('reloads when the server reports a new version', async () => {
    start();
    await vi.advanceTimersByTimeAsync(5_000);
    drawFrames();
    version = '1.1.0';
    for (let i = 0; i < VERSION_CHECK_MS / 5_000; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      drawFrames();
    }
    expect(reasons).toEqual(['new-version']);
  });

  it('reloads at the daily hour', async () => {
    start({ reloadHour: 4 });
    for (let i = 0; i < (3 * 3_600_000) / 5_000 + 2; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      drawFrames();
    }
    expect(reasons).toEqual(['daily']);
  });
});
