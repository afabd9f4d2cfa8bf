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
    window.history.pushState(null, '', `?${rangeSearch(next)}`);
  }, []);
  return [range, setRange];
}
