import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects together', () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[[1]]}]}', 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan('["[[[[", "\\"[[[[", "\\\\", [1]]', 2)).toBe(false);
    expect(nestsDeeperThan('["\\\\", [[1]]]', 2)).toBe(true);
  });

  it('stops at the first level too deep, without reading the rest', () => {
    expect(nestsDeeperThan(`${'['.repeat(3)}${'"'.repeat(1)}`, 2)).toBe(true);
  });

  it('finds no structure inside a string that never closes', () => {
    expect(nestsDeeperThan('"[[[[', 1)).toBe(false);
    expect(nestsDeeperThan('[["[[[[', 1)).toBe(true);
  });

  it('counts depth back down as brackets close', () => {
    expect(nestsDeeperThan('[[1],[2],[3],[[4]]]', 3)).toBe(false);
  });
});
