'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { widthClassPx } from './intervals';
import { timeScale, type TimeScale } from './ticks';
import type { TimeZone } from './zone';

/**
 * The shared time scale for a chart element: its width only picks a class (a tick budget), so a
 * resize re-renders the chart when the class changes, not on every pixel.
 */
export function useTimeScale(
  from: number,
  to: number,
  zone: TimeZone,
  initialWidthPx: number,
): [(element: HTMLElement | null) => void, TimeScale] {
  const [widthClass, setWidthClass] = useState(() => widthClassPx(initialWidthPx));
  const observer = useRef<ResizeObserver | undefined>(undefined);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = useMemo(
    () => (element: HTMLElement | null) => {
      observer.current?.disconnect();
      if (!element) return;
      const measure = (width: number) => setWidthClass(widthClassPx(width));
      measure(element.clientWidth);
      observer.current = new ResizeObserver(([entry]) => {
        if (entry) measure(entry.contentRect.width);
      });
      observer.current.observe(element);
    },
    [],
  );
  const scale = useMemo(() => timeScale(from, to, widthClass, zone), [from, to, widthClass, zone]);
  return [ref, scale];
}
