import { describe, expect, it } from 'vitest';
import { actionChanges, actionLabel, availableActions, STATUS_ACTIONS } from './actions';

describe('availableActions', () => {
  it('offers mitigate and resolve while open, resolve and reopen once mitigated', () => {
    expect(availableActions({ status: 'open', end: 5 })).toEqual(['mitigate', 'resolve']);
    expect(availableActions({ status: 'mitigated', end: 5 })).toEqual(['resolve', 'reopen']);
    expect(availableActions({ status: 'resolved', end: 5 })).toEqual(['reopen']);
  });

  it('offers to end a region that is still going on', () => {
    expect(availableActions({ status: 'open', end: null })).toContain('end');
  });
});

describe('actionChanges', () => {
  it('moves the status', () => {
    expect(actionChanges('mitigate', { start: 0 }, 10)).toEqual({ status: 'mitigated' });
    expect(actionChanges('resolve', { start: 0 }, 10)).toEqual({ status: 'resolved' });
    expect(actionChanges('reopen', { start: 0 }, 10)).toEqual({ status: 'open' });
  });

  it('ends the region now, but never before it started', () => {
    expect(actionChanges('end', { start: 0 }, 10)).toEqual({ end: 10 });
    expect(actionChanges('end', { start: 50 }, 10)).toEqual({ end: 50 });
  });
});

describe('actionLabel', () => {
  it('names each action as its button does', () => {
    expect(STATUS_ACTIONS.map(actionLabel)).toEqual([
      'Mark mitigated',
      'Resolve',
      'Reopen',
      'End now',
    ]);
  });
});
