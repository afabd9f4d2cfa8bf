import { parseArgs } from 'node:util';

/**
 * `npm start -- --speed 60 --loop` plays the scenario an hour a minute, over and over: the flags
 * become the aggregator's environment, which checks them.
 */
export function scenarioEnv(args: readonly string[]): Record<string, string> {
  const { values } = parseArgs({
    args: [...args],
    options: { speed: { type: 'string' }, loop: { type: 'boolean' } },
    strict: true,
  });
  return {
    ...(values.speed === undefined ? {} : { HEADROOM_SCENARIO_SPEED: values.speed }),
    ...(values.loop ? { HEADROOM_SCENARIO_LOOP: 'on' } : {}),
  };
}
