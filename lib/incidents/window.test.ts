import { describe, expect, it } from 'vitest';
import { dashboardHref, incidentHref, incidentWindow, WINDOW_MARGIN_MS } from './window';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

describe('incidentWindow', () => {
  it('adds half an hour either side of a closed region', () => {
    const start = NOW - 5 * HOUR;
    const end = NOW - 4 * HOUR;
    expect(incidentWindow({ start, end }, NOW)).toEqual({
      from: start - WINDOW_MARGIN_MS,
      to: end + WINDOW_MARGIN_MS,
    });
  });

  it('stops at now for a recent or ongoing one', () => {
    const start = NOW - 20 * 60_000;
    expect(incidentWindow({ start, end: NOW - 10 * 60_000 }, NOW).to).toBe(NOW);
    expect(incidentWindow({ start, end: null }, NOW)).toEqual({
      from: start - WINDOW_MARGIN_MS,
      to: NOW,
    });
  });

  it('still spans a minute when the annotation starts in the future', () => {
    const { from, to } = incidentWindow({ start: NOW + HOUR, end: null }, NOW);
    expect(to).toBe(NOW);
    expect(to - from).toBe(60_000);
  });
});

describe('links', () => {
  it('opens a fixed window on the dashboard', () => {
    expect(dashboardHref({ from: 1_000.4, to: 2_000.6 })).toBe('/?from=1000&to=2001');
  });

  it('escapes the id in an incident link', () => {
    expect(incidentHref('a/b')).toBe('/incidents/a%2Fb');
  });
});
