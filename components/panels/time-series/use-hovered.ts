'use client';
import { useMemo, useState } from 'react';

/** Whether the pointer is over an element, with the handlers that follow it. */
export function useHovered() {
  const [hovered, setHovered] = useState(false);
  const handlers = useMemo(
    () => ({ onMouseEnter: () => setHovered(true), onMouseLeave: () => setHovered(false) }),
    [],
  );
  return [hovered, handlers] as const;
}
