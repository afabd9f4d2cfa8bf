import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from './http';
import { createRequestDrain } from './request-drain';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('request drain', () => {
  it('closes at once when nothing is running', async () => {
    await expect(createRequestDrain().close()).resolves.toEqual({ unfinished: 0 });
  });

  it('waits for the requests in flight before it resolves', async () => {
    const drain = createRequestDrain();
    const request = deferred();
    const running = drain.run(() => request.promise);
    let closed = false;
    const closing = drain.close().then((result) => {
      closed = true;
      return result;
    });
    await new Promise((flushed) => setImmediate(flushed));
    expect(closed).toBe(false);
    request.resolve();
    await running;
    await expect(closing).resolves.toEqual({ unfinished: 0 });
  });

  it('counts a request that failed as finished', async () => {
    const drain = createRequestDrain();
    const running = drain.run(() => Promise.reject(new Error('database error')));
    await expect(running).rejects.toThrow('database error');
    await expect(drain.close()).resolves.toEqual({ unfinished: 0 });
  });

  it('refuses requests that arrive once closing has begun, with 503 and Retry-After', async () => {
    const drain = createRequestDrain();
    const request = deferred();
    void drain.run(() => request.promise);
    const closing = drain.close();
    const work = vi.fn(() => Promise.resolve());
    const refused = await drain.run(work).catch((error: unknown) => error);
    expect(work).not.toHaveBeenCalled();
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({
      status: 503,
      code: 'shutting_down',
      headers: { 'retry-after': expect.stringMatching(/^\d+$/), connection: 'close' },
    });
    request.resolve();
    await closing;
  });

  it('stops waiting after the timeout and says how many were still running', async () => {
    vi.useFakeTimers();
    const drain = createRequestDrain();
    void drain.run(() => new Promise<void>(() => {}));
    const closing = drain.close(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(closing).resolves.toEqual({ unfinished: 1 });
  });
});
