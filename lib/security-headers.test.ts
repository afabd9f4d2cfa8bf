import { describe, expect, it } from 'vitest';
import { webSecurityConfig } from './env';
import { contentSecurityPolicy, createNonce } from './security-headers';

describe('contentSecurityPolicy', () => {
  const nonce = createNonce();

  it('lets scripts run only with the nonce, and never eval in production', () => {
    const csp = contentSecurityPolicy({ nonce, development: false, frameAncestors: ["'none'"] });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('allows eval only for the development build', () => {
    const csp = contentSecurityPolicy({ nonce, development: true, frameAncestors: ["'self'"] });
    expect(csp).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it('makes a new nonce each time', () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('webSecurityConfig', () => {
  it('refuses framing unless configured', () => {
    expect(webSecurityConfig({}).frameAncestors).toEqual(["'none'"]);
  });

  it('reads framing sources with or without quotes', () => {
    const config = webSecurityConfig({
      HEADROOM_FRAME_ANCESTORS: 'self, https://wiki.example.com',
    });
    expect(config.frameAncestors).toEqual(["'self'", 'https://wiki.example.com']);
  });

  it('names the variable when a value is wrong', () => {
    expect(() =>
      webSecurityConfig({ HEADROOM_FRAME_ANCESTORS: "'none' https://a.example" }),
    ).toThrow(/HEADROOM_FRAME_ANCESTORS/);
    expect(() => webSecurityConfig({ HEADROOM_FRAME_ANCESTORS: 'javascript:alert(1)' })).toThrow(
      /HEADROOM_FRAME_ANCESTORS/,
    );
    expect(() => webSecurityConfig({ HEADROOM_ALLOWED_HOSTS: 'http://x.example' })).toThrow(
      /HEADROOM_ALLOWED_HOSTS/,
    );
  });
});
