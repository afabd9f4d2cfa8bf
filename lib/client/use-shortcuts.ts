'use client';
import { useEffect, useRef } from 'react';
import {
  EMPTY_SEQUENCE,
  isTypingTarget,
  pressKey,
  type ShortcutAction,
} from './use-shortcuts-keymap';

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/** Listens for the keyboard shortcuts on the whole page, except while someone types in a field. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    let sequence = EMPTY_SEQUENCE;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      const result = pressKey(sequence, event.key, event.timeStamp);
      sequence = result.sequence;
      const handler = result.action && latest.current[result.action];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
