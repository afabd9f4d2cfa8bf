import { describe, expect, it } from 'vitest';
import { scenarioEnv } from './scenario-args';

describe('scenarioEnv', () => {
  it('turns --speed and --loop into the aggregator environment', () => {
    expect(scenarioEnv(['--speed', '60', '--loop'])).toEqual({
      HEADROOM_SCENARIO_SPEED: '60',
      HEADROOM_SCENARIO_LOOP: 'on',
    });
    expect(scenarioEnv([])).toEqual({});
  });

  it('refuses a flag it does not know, naming it', () => {
    expect(() => scenarioEnv(['--sped', '60'])).toThrow(/--sped/);
  });
});
