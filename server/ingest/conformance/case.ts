import { isDeepStrictEqual } from 'node:util';
import type { ExpositionFormat } from '../exposition';
import type { ParseResult } from '../exposition-types';

/** [metric, labels, value, ts in ms] as the ingest path must store it. */
export type ExpectedSample = readonly [string, Record<string, string>, number, number?];

export interface ConformanceCase {
  /** The specification section, or the reference parser's test, that the case comes from. */
  spec: string;
  format: ExpositionFormat;
  /** A string is sent as UTF-8; bytes are sent as they are. */
  input: string | readonly number[];
  /** 'reject', or the samples in order, or just how many there are for long examples. */
  expect: 'reject' | readonly ExpectedSample[] | number;
}

export type Parser = (bytes: Uint8Array, format: ExpositionFormat) => ParseResult;

export function ok(
  format: ExpositionFormat,
  spec: string,
  input: ConformanceCase['input'],
  expect: readonly ExpectedSample[] | number,
): ConformanceCase {
  return { spec, format, input, expect };
}

export function bad(
  format: ExpositionFormat,
  spec: string,
  input: ConformanceCase['input'],
): ConformanceCase {
  return { spec, format, input, expect: 'reject' };
}

export function caseBytes(input: ConformanceCase['input']): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : Uint8Array.from(input);
}

/** Whether a parser agrees with the case: refuses what it must, and reads what it must exactly. */
export function agrees(parse: Parser, test: ConformanceCase): boolean {
  let result: ParseResult;
  try {
    result = parse(caseBytes(test.input), test.format);
  } catch {
    return test.expect === 'reject';
  }
  if (test.expect === 'reject') return false;
  if (typeof test.expect === 'number') return result.samples.length === test.expect;
  const got = result.samples.map((s) => [s.metric, { ...s.labels }, s.value, s.ts]);
  const want = test.expect.map(([metric, labels, value, ts]) => [metric, labels, value, ts]);
  return isDeepStrictEqual(got, want);
}

export function describeCase(test: ConformanceCase): string {
  const input = typeof test.input === 'string' ? test.input : `bytes ${test.input.join(' ')}`;
  return `${test.format} ${test.expect === 'reject' ? 'refuses' : 'reads'} ${JSON.stringify(input)}`;
}
