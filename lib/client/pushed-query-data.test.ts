import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { mergePushedQueryData, setPushedQueryData } from './pushed-query-data';

interface Focus {
  focus: string | null;
}

const KEY = ['wall-focus'] as const;

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function clientWith(initial: Focus): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(KEY, initial);
  return client;
}

describe('setPushedQueryData', () => {
  it('keeps a pushed value when a read sent before the push answers after it', async () => {
    const client = clientWith({ focus: null });
    const answer = deferred<Focus>();
    const read = client.fetchQuery({ queryKey: KEY, queryFn: () => answer.promise });
    setPushedQueryData(client, KEY, { focus: 'incident-1' });
    answer.resolve({ focus: null });
    await read.catch(() => undefined);
    expect(client.getQueryData(KEY)).toEqual({ focus: 'incident-1' });
    expect(client.getQueryState(KEY)?.fetchStatus).toBe('idle');
  });

  it('lets a read sent after the push replace it', async () => {
    const client = clientWith({ focus: null });
    setPushedQueryData(client, KEY, { focus: 'incident-1' });
    await client.fetchQuery({ queryKey: KEY, queryFn: () => Promise.resolve({ focus: null }) });
    expect(client.getQueryData(KEY)).toEqual({ focus: null });
  });

  it('leaves reads of other queries running', async () => {
    const client = clientWith({ focus: null });
    const other = ['panels'] as const;
    const read = client.fetchQuery({
      queryKey: other,
      queryFn: () => Promise.resolve(['gpu-util']),
    });
    setPushedQueryData(client, KEY, { focus: 'incident-1' });
    await expect(read).resolves.toEqual(['gpu-util']);
  });
});

describe('mergePushedQueryData', () => {
  const LIST = ['annotations', 'now-15m'] as const;

  it('reads again when a read sent before the push answers after it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(LIST, ['a']);
    const stale = deferred<string[]>();
    let reads = 0;
    const queryFn = () => (++reads === 1 ? stale.promise : Promise.resolve(['a', 'b', 'c']));
    const read = client.fetchQuery({ queryKey: LIST, queryFn });
    mergePushedQueryData<string[]>(client, LIST, (list) => list && [...list, 'b']);
    expect(client.getQueryData(LIST)).toEqual(['a', 'b']);
    stale.resolve(['a']);
    await read.catch(() => undefined);
    await expect.poll(() => client.getQueryState(LIST)?.fetchStatus).toBe('idle');
    expect(reads).toBe(2);
    expect(client.getQueryData(LIST)).toEqual(['a', 'b', 'c']);
  });

  it('only merges when no read is in flight', () => {
    const client = new QueryClient();
    client.setQueryData(LIST, ['a']);
    mergePushedQueryData<string[]>(client, LIST, (list) => list && [...list, 'b']);
    expect(client.getQueryData(LIST)).toEqual(['a', 'b']);
    expect(client.getQueryState(LIST)?.fetchStatus).toBe('idle');
  });
});
