'use client';
import { useState } from 'react';

/**
 * `value` as it was when `key` last changed: a recomputed object that means the same keeps its old
 * identity, so what it is handed to (a memoised chart frame) does not render again for nothing.
 */
export function useKeptWhileSame<T>(key: string, value: T): T {
  const [kept, setKept] = useState({ key, value });
  if (kept.key !== key) {
    setKept({ key, value });
    return value;
  }
  return kept.value;
}
