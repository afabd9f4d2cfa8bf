'use client';
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Box {
  width: number;
  /** The element's font size in px: the cells scale with the text around them. */
  fontSize: number;
}

/** An element's content width and font size, kept current by a ResizeObserver. */
export function useBox(ref: RefObject<HTMLElement | null>, initial: Box): Box {
  const [box, setBox] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (width: number) => {
      const fontSize = Number.parseFloat(getComputedStyle(element).fontSize) || initial.fontSize;
      setBox((last) =>
        last.width === width && last.fontSize === fontSize ? last : { width, fontSize },
      );
    };
    measure(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, initial.fontSize]);
  return box;
}
