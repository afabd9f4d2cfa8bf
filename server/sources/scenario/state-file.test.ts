import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../../samples/history/testing/fixtures';
import { readAnchor, writeAnchor } from './state-file';

const dirs: string[] = [];
const fileIn = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return join(dir, 'nested', 'scenario.json');
};
afterEach(() => dirs.splice(0).forEach(removeTempDir));

const state = {
  scenario: 'launch-surge',
  seed: 7,
  speed: 1,
  firstStart: 1_000,
  startAt: 3_600_000,
};

describe('the scenario state file', () => {
  it('gives back the anchor for the same scenario, seed and speed', () => {
    const file = fileIn();
    writeAnchor(file, state);
    expect(readAnchor(file, state).anchor).toEqual({ firstStart: 1_000, startAt: 3_600_000 });
  });

  it('starts the story over when the seed or the speed changed', () => {
    const file = fileIn();
    writeAnchor(file, state);
    expect(readAnchor(file, { ...state, seed: 8 }).anchor).toBeUndefined();
    expect(readAnchor(file, { ...state, speed: 10 }).anchor).toBeUndefined();
  });

  it('treats a missing or broken file as a first start', () => {
    expect(readAnchor(fileIn(), state)).toEqual({ reason: 'no state file yet' });
  });
});
