'use client';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTimeRange, rangeSearch, type TimeRange } from '../time-range';

/** The range lives in the URL, so a link reproduces the view and Back undoes a zoom. */
export function useTimeRange(referenceNow: number): [TimeRange, (range: TimeRange) => void] {
  const params = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const range = useMemo(() => parseTimeRange({ from, to }, referenceNow), [from, to, referenceNow]);
  const setRange = useCallback((next: TimeRange) => {
    // Other params (the cluster drilled into) stay as they are.
    const params = new URLSearchParams(window.location.search);
    for (const [name, value] of new URLSearchParams(rangeSearch(next))) params.set(name, value);
    window.history.pushState(null, '', `?${params.toString()}`);
  }, []);
  return [range, setRange];
}
