import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ClockAnchor } from './clock';

const StateSchema = z.strictObject({
  scenario: z.string(),
  seed: z.number(),
  speed: z.number(),
  firstStart: z.number().int(),
  startAt: z.number().int(),
});
export type ScenarioState = z.infer<typeof StateSchema>;

/** The stored anchor when it belongs to the same scenario, seed and speed; else undefined. */
export function readAnchor(
  file: string,
  expected: Pick<ScenarioState, 'scenario' | 'seed' | 'speed'>,
): { anchor?: ClockAnchor; reason: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { reason: 'no state file yet' };
  }
  const parsed = StateSchema.safeParse(safeJson(text));
  if (!parsed.success) return { reason: 'state file unreadable' };
  const state = parsed.data;
  if (state.scenario !== expected.scenario || state.seed !== expected.seed) {
    return { reason: 'state file is for another scenario or seed' };
  }
  if (state.speed !== expected.speed) return { reason: 'state file is for another speed' };
  return { anchor: { firstStart: state.firstStart, startAt: state.startAt }, reason: 'resumed' };
}

/** Written aside and renamed, so a crash never leaves half a file. */
export function writeAnchor(file: string, state: ScenarioState): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.tmp`;
  writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(partial, file);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
