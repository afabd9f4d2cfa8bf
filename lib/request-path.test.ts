import { describe, expect, it } from 'vitest';
import { returnPath } from './request-path';

describe('returnPath', () => {
  it('keeps a path on this site with its query', () => {
    expect(returnPath('/incidents/42?from=now-6h')).toBe('/incidents/42?from=now-6h');
  });

  it('refuses other sites, protocol-relative paths and missing values', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', '', null]) {
      expect(returnPath(value)).toBe('/');
    }
  });

  it('never sends the starting page back to itself', () => {
    expect(returnPath('/starting?next=%2F')).toBe('/');
  });
});
