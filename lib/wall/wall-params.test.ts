import { describe, expect, it } from 'vitest';
import { parseWallParams, unknownPanels } from './wall-params';

describe('parseWallParams', () => {
  it('reads a full wallboard URL', () => {
    const result = parseWallParams({
      pages: 'gpu-util,queue-depth|weekly-active-users',
      every: '45s',
      range: '1h',
      token: 'hr_abc',
      dim: '22-07',
      reload: '04',
      tz: 'Europe/Paris',
      grace: '2s',
    });
    expect(result).toEqual({
      ok: true,
      params: {
        pages: [['gpu-util', 'queue-depth'], ['weekly-active-users']],
        everyMs: 45_000,
        rangeMs: 3_600_000,
        token: 'hr_abc',
        cluster: undefined,
        dim: { from: 22, to: 7 },
        reloadHour: 4,
        tz: 'Europe/Paris',
        graceMs: 2_000,
      },
    });
  });

  it('shows every panel for the last 15 minutes when the URL says nothing', () => {
    const result = parseWallParams({});
    expect(result.ok && result.params).toMatchObject({
      pages: undefined,
      rangeMs: 900_000,
      everyMs: 30_000,
      tz: 'UTC',
      graceMs: 5_000,
    });
  });

  it('makes one page of a panels list', () => {
    const result = parseWallParams({ panels: 'gpu-util,signups' });
    expect(result.ok && result.params.pages).toEqual([['gpu-util', 'signups']]);
  });

  it('lists every problem instead of guessing', () => {
    const result = parseWallParams({
      range: 'forever',
      dim: '25-07',
      tz: 'Mars/Olympus',
      colour: 'red',
      grace: '2m',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.join('\n');
    expect(problems).toContain('range');
    expect(problems).toContain('dim');
    expect(problems).toContain('tz');
    expect(problems).toContain('grace');
    expect(problems).toContain('unknown parameter: colour');
  });

  it('refuses a repeated parameter and both panels and pages', () => {
    expect(parseWallParams({ range: ['1h', '6h'] })).toEqual({
      ok: false,
      problems: ['range: given more than once'],
    });
    expect(parseWallParams({ panels: 'a', pages: 'b|c' }).ok).toBe(false);
  });

  it('refuses a panel id that cannot exist', () => {
    const result = parseWallParams({ pages: 'gpu-util|Bad Id' });
    expect(result.ok ? [] : result.problems).toEqual(['pages: "Bad Id" is not a panel id']);
  });

  it('names the panels the dashboard does not have', () => {
    const result = parseWallParams({ pages: 'gpu-util,nope|signups' });
    if (!result.ok) throw new Error('expected valid params');
    expect(unknownPanels(result.params, ['gpu-util', 'signups'])).toEqual(['nope']);
  });
});
