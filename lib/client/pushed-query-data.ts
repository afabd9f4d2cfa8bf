import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Puts what the server pushed into the cache. A read of the same query still in flight was
 * answered from older state, so it is cancelled first: landing after the push, it would undo it.
 */
export function setPushedQueryData<T>(client: QueryClient, queryKey: QueryKey, data: T): void {
  // Cancelling reverts the query at once, before the data is set; the promise only reports when.
  void client.cancelQueries({ queryKey, exact: true });
  client.setQueryData(queryKey, data);
}

/**
 * Merges a pushed change into a cached query, such as a list. A read of it still in flight may
 * have been answered before the change was made, and landing after the push it would undo it; that
 * read is replaced by a new one, whose answer holds the change along with whatever else it brings.
 */
export function mergePushedQueryData<T>(
  client: QueryClient,
  queryKey: QueryKey,
  merge: (data: T | undefined) => T | undefined,
): void {
  const reading = client.getQueryState(queryKey)?.fetchStatus === 'fetching';
  client.setQueryData<T>(queryKey, merge);
  if (reading) void client.refetchQueries({ queryKey, exact: true });
}
