import { describe, expect, it } from 'vitest';
import {
  EMPTY_SEQUENCE,
  SEQUENCE_TIMEOUT_MS,
  pressKey,
  type KeySequence,
  type ShortcutAction,
} from './use-shortcuts-keymap';

/** Presses keys at the given times and collects the actions they complete. */
function press(...keys: [string, number][]): ShortcutAction[] {
  let sequence: KeySequence = EMPTY_SEQUENCE;
  const actions: ShortcutAction[] = [];
  for (const [key, at] of keys) {
    const result = pressKey(sequence, key, at);
    sequence = result.sequence;
    if (result.action) actions.push(result.action);
  }
  return actions;
}

describe('keyboard shortcut sequences', () => {
  it('completes two-key sequences that start with t', () => {
    expect(press(['t', 1000], ['z', 1200])).toEqual(['zoom-out']);
    expect(press(['t', 1000], ['ArrowLeft', 1100])).toEqual(['shift-back']);
    expect(press(['t', 1000], ['ArrowRight', 1100])).toEqual(['shift-forward']);
  });

  it('fires one-key shortcuts at once', () => {
    expect(press(['v', 1000], ['?', 1100], ['Escape', 1200])).toEqual([
      'view-panel',
      'help',
      'back',
    ]);
  });

  it('forgets a started sequence after the timeout', () => {
    expect(press(['t', 1000], ['z', 1000 + SEQUENCE_TIMEOUT_MS + 1])).toEqual([]);
  });

  it('does not fire a second key alone that only completes a sequence', () => {
    expect(press(['z', 1000], ['ArrowLeft', 1100])).toEqual([]);
  });

  it('lets a wrong second key start its own shortcut', () => {
    expect(press(['t', 1000], ['v', 1100])).toEqual(['view-panel']);
    expect(press(['t', 1000], ['t', 1100], ['z', 1200])).toEqual(['zoom-out']);
  });
});
