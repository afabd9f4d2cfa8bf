import { describe, expect, it } from 'vitest';
import { loadConfig } from './env';

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

describe('the built-in scenario settings', () => {
  it('leaves out the signal families not named', () => {
    expect(loadConfig({ HEADROOM_SIMULATOR_SIGNALS: 'gpu,queues' }).simulatorSignals).toEqual([
      'gpu',
      'queues',
    ]);
  });

  it('reads speed, loop, the start position and the days of history', () => {
    expect(
      loadConfig({
        HEADROOM_SCENARIO_SPEED: '60',
        HEADROOM_SCENARIO_LOOP: 'on',
        HEADROOM_SCENARIO_START_AT: '-30',
        HEADROOM_HISTORY_DAYS: '0',
      }).scenario,
    ).toEqual({ speed: 60, loop: true, startAtMs: -30 * 60_000, historyDays: 0 });
  });
});
