'use client';
import { useCallback, useState } from 'react';
import { nextHidden, type LegendGesture } from '@/lib/series/series-visibility';

const NONE: ReadonlySet<string> = new Set();

/** The series a panel's legend has hidden; kept per panel, for as long as the page is open. */
export function useSeriesVisibility() {
  const [hidden, setHidden] = useState(NONE);
  const apply = useCallback(
    (key: string, keys: readonly string[], gesture: LegendGesture) =>
      setHidden((current) => nextHidden(current, key, keys, gesture)),
    [],
  );
  return { hidden, apply };
}
