import { describe, expect, it } from 'vitest';
import { withZone, zoneParamOf } from './zone-link';

describe('links that keep the time zone', () => {
  it('reads the zone the page was opened or switched with', () => {
    expect(zoneParamOf('?tz=utc')).toBe('utc');
    expect(zoneParamOf('?from=now-6h&tz=local')).toBe('local');
    expect(zoneParamOf('?tz=Europe%2FParis')).toBe('Europe/Paris');
  });

  it('carries nothing when the page names no zone it knows', () => {
    expect(zoneParamOf('')).toBeUndefined();
    expect(zoneParamOf('?tz=Mars%2FOlympus')).toBeUndefined();
  });

  it('adds the zone to a bare path', () => {
    expect(withZone('/incidents', 'utc')).toBe('/incidents?tz=utc');
    expect(withZone('/', 'Europe/Paris')).toBe('/?tz=Europe%2FParis');
  });

  it('keeps the query and hash the link already carries', () => {
    expect(withZone('/?from=1000&to=2001', 'utc')).toBe('/?from=1000&to=2001&tz=utc');
    expect(withZone('/incidents/a%2Fb#timeline', 'utc')).toBe('/incidents/a%2Fb?tz=utc#timeline');
  });

  it('leaves a link that names its own zone, or none to carry, as it is', () => {
    expect(withZone('/?tz=local', 'utc')).toBe('/?tz=local');
    expect(withZone('/incidents', undefined)).toBe('/incidents');
  });

  it('never touches a link to another site', () => {
    expect(withZone('https://example.com/docs', 'utc')).toBe('https://example.com/docs');
  });
});
