import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it("allows the web app's own origins by default, on its PORT", () => {
    expect(loadConfig({ PORT: '3100' }).allowedOrigins).toEqual([
      'http://localhost:3100',
      'http://127.0.0.1:3100',
    ]);
  });

  it('normalises configured origins to what browsers send', () => {
    const config = loadConfig({
      HEADROOM_ALLOWED_ORIGINS: 'https://ops.example.com/, http://wall:3000',
    });
    expect(config.allowedOrigins).toEqual(['https://ops.example.com', 'http://wall:3000']);
  });

  it.each([
    ['HEADROOM_ALERT_WEBHOOK_URL', 'ftp://hooks.example.com'],
    ['HEADROOM_ALLOWED_ORIGINS', 'not a url'],
    ['HEADROOM_WRITES_PER_MINUTE', '0'],
  ])('stops at start-up on a bad %s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
