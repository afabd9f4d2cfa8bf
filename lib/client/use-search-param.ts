'use client';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** One URL parameter as state: setting it pushes a history entry and keeps the other params. */
export function useSearchParam(
  name: string,
): [string | undefined, (value: string | undefined) => void] {
  const value = useSearchParams().get(name) || undefined;
  const setValue = useCallback(
    (next: string | undefined) => {
      const params = new URLSearchParams(window.location.search);
      if (next) params.set(name, next);
      else params.delete(name);
      const search = params.toString();
      window.history.pushState(null, '', search ? `?${search}` : window.location.pathname);
    },
    [name],
  );
  return [value, setValue];
}
