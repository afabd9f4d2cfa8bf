'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

function contentWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  return (
    element.clientWidth -
    Number.parseFloat(style.paddingLeft) -
    Number.parseFloat(style.paddingRight)
  );
}

/**
 * An element's content width as `toBucket` buckets it: undefined until the element is measured,
 * and a new render only when a resize crosses into another bucket.
 */
export function useWidthBucket<Bucket>(
  toBucket: (widthPx: number) => Bucket,
): [(element: HTMLElement | null) => void, Bucket | undefined] {
  const [bucket, setBucket] = useState<Bucket | undefined>(undefined);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = useCallback(
    (element: HTMLElement | null) => {
      observer.current?.disconnect();
      if (!element) return;
      setBucket(toBucket(contentWidth(element)));
      observer.current = new ResizeObserver(([entry]) => {
        if (entry) setBucket(toBucket(entry.contentRect.width));
      });
      observer.current.observe(element);
    },
    [toBucket],
  );
  return [ref, bucket];
}
