import { describe, expect, it } from 'vitest';
import { AllowedHostsSchema, createHostCheck, hostnameOf } from './host-policy';

describe('hostnameOf', () => {
  it('drops the port, the trailing dot and the case', () => {
    expect(hostnameOf('Ops.Example.com.:3000')).toBe('ops.example.com');
    expect(hostnameOf('[::1]:4000')).toBe('[::1]');
    expect(hostnameOf('127.0.0.1')).toBe('127.0.0.1');
  });

  it('rejects what is not a host', () => {
    for (const bad of [
      '',
      'a b',
      'user@evil.example',
      'evil.example/x',
      'a:b:c',
      'host:99999999',
    ]) {
      expect(hostnameOf(bad)).toBeUndefined();
    }
  });
});

describe('createHostCheck', () => {
  const check = createHostCheck(['headroom.internal'], ['https://ops.example.com:8443']);

  it('always answers IP literals and localhost names, which cannot be rebound', () => {
    for (const host of [
      '127.0.0.1:3000',
      '10.0.0.5',
      '[::1]:4000',
      'localhost',
      'app.localhost:3000',
    ]) {
      expect(check(host)).toBe(true);
    }
  });

  it('answers configured names and the hosts of allowed origins, on any port', () => {
    expect(check('headroom.internal:4000')).toBe(true);
    expect(check('ops.example.com')).toBe(true);
  });

  it('refuses other names, look-alikes and malformed values', () => {
    for (const host of [
      'evil.example',
      'localhost.evil.example',
      'headroom.internal.evil',
      'a b',
    ]) {
      expect(check(host)).toBe(false);
    }
  });

  it('answers any name when the list holds *', () => {
    expect(createHostCheck(['*'], [])('anything.example')).toBe(true);
  });
});

describe('AllowedHostsSchema', () => {
  it('reads a comma-separated list and refuses URLs', () => {
    expect(AllowedHostsSchema.parse(' A.example , b.example,')).toEqual(['a.example', 'b.example']);
    expect(AllowedHostsSchema.parse(undefined)).toEqual([]);
    expect(AllowedHostsSchema.safeParse('https://a.example').success).toBe(false);
    expect(AllowedHostsSchema.safeParse('a.example:3000').success).toBe(false);
  });
});
