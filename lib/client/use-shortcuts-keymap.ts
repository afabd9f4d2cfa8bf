/** Grafana-style keyboard shortcuts as a pure state machine: keys in, an action out. */

export const SHORTCUT_ACTIONS = [
  'zoom-out',
  'shift-back',
  'shift-forward',
  'view-panel',
  'back',
  'help',
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export interface Shortcut {
  keys: readonly string[];
  /** How the keys read in the help dialog. */
  label: string;
  description: string;
  action: ShortcutAction;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['t', 'z'], label: 't z', description: 'Zoom out the time range', action: 'zoom-out' },
  {
    keys: ['t', 'ArrowLeft'],
    label: 't ←',
    description: 'Move the time range back by half its width',
    action: 'shift-back',
  },
  {
    keys: ['t', 'ArrowRight'],
    label: 't →',
    description: 'Move the time range forward by half its width',
    action: 'shift-forward',
  },
  {
    keys: ['v'],
    label: 'v',
    description: 'View the hovered or focused panel full screen',
    action: 'view-panel',
  },
  { keys: ['Escape'], label: 'Esc', description: 'Leave the panel view or close', action: 'back' },
  { keys: ['?'], label: '?', description: 'Show these shortcuts', action: 'help' },
];

/** A second key further apart than this starts a new sequence. */
export const SEQUENCE_TIMEOUT_MS = 1_500;

export interface KeySequence {
  pending: readonly string[];
  lastAt: number;
}

export const EMPTY_SEQUENCE: KeySequence = { pending: [], lastAt: 0 };

const startsWith = (keys: readonly string[], prefix: readonly string[]) =>
  prefix.every((key, index) => keys[index] === key);

/** Feeds one key press; returns the sequence to keep and the action completed, if any. */
export function pressKey(
  sequence: KeySequence,
  key: string,
  at: number,
): { sequence: KeySequence; action?: ShortcutAction } {
  const fresh = at - sequence.lastAt <= SEQUENCE_TIMEOUT_MS ? sequence.pending : [];
  for (const pending of fresh.length > 0 ? [[...fresh, key], [key]] : [[key]]) {
    const done = SHORTCUTS.find((shortcut) => shortcut.keys.join(' ') === pending.join(' '));
    if (done) return { sequence: EMPTY_SEQUENCE, action: done.action };
    if (SHORTCUTS.some((shortcut) => startsWith(shortcut.keys, pending))) {
      return { sequence: { pending, lastAt: at } };
    }
  }
  return { sequence: EMPTY_SEQUENCE };
}

/** Where a key press is text being typed, not a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select') !== null;
}
