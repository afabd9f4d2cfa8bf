import { describe, expect, it } from 'vitest';
import { pickZoneChoice, resolveZone } from './zone-choice';

describe('the time zone choice', () => {
  it("defaults to the browser's zone", () => {
    expect(pickZoneChoice(null, null)).toBe('local');
    expect(resolveZone('local', 'Asia/Tokyo')).toBe('Asia/Tokyo');
  });

  it('lets the URL win over local storage', () => {
    expect(pickZoneChoice('utc', 'local')).toBe('utc');
    expect(pickZoneChoice('local', 'utc')).toBe('local');
    expect(pickZoneChoice(null, 'utc')).toBe('utc');
  });

  it('takes a zone a link names', () => {
    expect(pickZoneChoice('Europe/Paris', 'utc')).toBe('Europe/Paris');
    expect(resolveZone('Europe/Paris', 'Asia/Tokyo')).toBe('Europe/Paris');
  });

  it('ignores values it does not know', () => {
    expect(pickZoneChoice('Mars/Olympus', 'venus')).toBe('local');
    expect(resolveZone('utc', 'Asia/Tokyo')).toBe('UTC');
  });
});
