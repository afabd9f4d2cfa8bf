import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../../testing/log-capture';
import { collectingSink } from '../../testing/pull-testing';
import { IntervalSchema } from './interval';
import { createPulledSource, errorText, retryDelay, type PullResult } from './pulled-source';

/** A server the test switches between answering, refusing and answering with one item failing. */
function scriptedServer() {
  let answer: 'ok' | 'refuse' | 'item' = 'ok';
  const pulls: number[] = [];
  const resets: number[] = [];
  return {
    set: (next: typeof answer) => (answer = next),
    pulls,
    resets,
    async pull(ts: number): Promise<PullResult> {
      pulls.push(ts);
      if (answer === 'refuse')
        throw Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' });
      const samples = [{ metric: 'm', labels: {}, ts, value: pulls.length }];
      return answer === 'item' ? { samples, errors: { q1: 'queue "q1" not found' } } : { samples };
    },
    reset: async () => void resets.push(Date.now()),
  };
}

describe('a pulled source', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function make(server: ReturnType<typeof scriptedServer>, logs = captureLogs()) {
    const source = createPulledSource({
      id: 's',
      kind: 'test',
      intervalMs: 15_000,
      target: 'amqp://broker:5672',
      logger: logs.logger,
      backoff: { initialMs: 1_000, maxMs: 8_000 },
      pull: (ts) => server.pull(ts),
      reset: () => server.reset(),
    });
    return { source, logs };
  }

  it('pulls at once on start and then every interval', async () => {
    const server = scriptedServer();
    const { source } = make(server);
    const sink = collectingSink();
    await source.start(sink);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.pulls).toEqual([1_000_000]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.pulls).toEqual([1_000_000, 1_015_000, 1_030_000]);
    expect(sink.samples).toHaveLength(3);
    expect(source.health()).toEqual({ state: 'up', lastSuccessAt: 1_030_000, errors: {} });
    await source.stop();
  });

  it('backs off exponentially up to its cap while down, and logs the change once', async () => {
    const server = scriptedServer();
    const { source, logs } = make(server);
    server.set('refuse');
    await source.start(collectingSink());
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 8_000);
    const gaps = server.pulls.slice(1).map((at, i) => at - (server.pulls[i] ?? 0));
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(server.resets).toHaveLength(6);
    expect(source.health()).toMatchObject({
      state: 'down',
      lastError: 'amqp://broker:5672: ECONNREFUSED: connect refused',
    });
    expect(logs.lines.filter((l) => l.msg === 'source down')).toHaveLength(1);

    server.set('ok');
    await vi.advanceTimersByTimeAsync(8_000);
    expect(source.health().state).toBe('up');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(server.pulls.at(-1)).toBe((server.pulls.at(-2) ?? 0) + 15_000);
    expect(logs.lines.map((l) => l.msg)).toEqual(['source down', 'source up']);
    await source.stop();
  });

  it('keeps failing items in its health and logs each only when it starts or stops failing', async () => {
    const server = scriptedServer();
    const { source, logs } = make(server);
    server.set('item');
    await source.start(collectingSink());
    await vi.advanceTimersByTimeAsync(30_000);
    expect(source.health()).toMatchObject({
      state: 'up',
      lastError: 'queue "q1" not found',
      errors: { q1: 'queue "q1" not found' },
    });
    server.set('ok');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(source.health().errors).toEqual({});
    expect(logs.lines.map((l) => l.msg)).toEqual([
      'source up',
      'source item failing',
      'source item recovered',
    ]);
    await source.stop();
  });

  it('stops pulling and closes its connection on stop', async () => {
    const server = scriptedServer();
    const { source } = make(server);
    await source.start(collectingSink());
    await vi.advanceTimersByTimeAsync(0);
    await source.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.pulls).toHaveLength(1);
    expect(server.resets).toHaveLength(1);
  });
});

describe('pull helpers', () => {
  it('reads intervals as milliseconds or Prometheus durations', () => {
    expect(IntervalSchema.parse(250)).toBe(250);
    expect(IntervalSchema.parse('15s')).toBe(15_000);
    expect(IntervalSchema.parse('2m')).toBe(120_000);
    expect(IntervalSchema.safeParse('15 seconds').success).toBe(false);
    expect(IntervalSchema.safeParse('10ms').success).toBe(false);
  });

  it('doubles the retry delay up to the cap', () => {
    const backoff = { initialMs: 500, maxMs: 3_000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, backoff))).toEqual([
      500, 1_000, 2_000, 3_000, 3_000,
    ]);
  });

  it('names the first cause of an aggregate error with its code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(errorText(new AggregateError([refused]))).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(errorText(Object.assign(new Error(''), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT');
  });
});
