import type { Labels } from '../../../lib/protocol';
import type { Matcher, MatchType } from './ast';

/** Prometheus uses RE2, which has none of these; in JavaScript they can backtrack without end. */
const UNSAFE: { pattern: RegExp; what: string }[] = [
  { pattern: /\(\?<?[=!]/, what: 'lookaround' },
  { pattern: /\\[1-9]|\\k</, what: 'backreferences' },
  { pattern: /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/, what: 'nested repetition' },
];

/** A pattern valid in RE2 that we refuse to run in JavaScript's backtracking engine. */
export class UnsafeRegexError extends Error {}

/** RE2's leading flag groups that JavaScript spells as flags. */
const FLAG_PREFIX = /^\(\?([is]+)\)/;

/** Compiles a matcher's pattern fully anchored, as Prometheus does; an Error names the problem. */
export function compileRegex(source: string): RegExp {
  const unsafe = UNSAFE.find(({ pattern }) => pattern.test(source));
  if (unsafe)
    throw new UnsafeRegexError(
      `the regular expression uses ${unsafe.what}, which PromQL's RE2 does not support`,
    );
  const prefix = FLAG_PREFIX.exec(source);
  const flags = prefix?.[1] ?? '';
  const body = prefix ? source.slice(prefix[0].length) : source;
  try {
    return new RegExp(`^(?:${body})$`, [...new Set(flags)].join(''));
  } catch {
    throw new Error(`"${source}" is not a valid regular expression`);
  }
}

export function matcherOf(name: string, type: MatchType, value: string): Matcher {
  return type === '=~' || type === '!~'
    ? { name, type, value, regex: compileRegex(value) }
    : { name, type, value };
}

/** A missing label reads as the empty string, so `{x=""}` selects series without x. */
export function matchesOne(matcher: Matcher, actual: string): boolean {
  switch (matcher.type) {
    case '=':
      return actual === matcher.value;
    case '!=':
      return actual !== matcher.value;
    case '=~':
      return matcher.regex?.test(actual) ?? false;
    case '!~':
      return !(matcher.regex?.test(actual) ?? false);
    default: {
      const never: never = matcher.type;
      return never;
    }
  }
}

export function matchesAll(matchers: readonly Matcher[], metric: string, labels: Labels): boolean {
  return matchers.every((matcher) =>
    matchesOne(matcher, matcher.name === '__name__' ? metric : (labels[matcher.name] ?? '')),
  );
}

/** Equality matchers the store can select on; the rest are checked per series. */
export function storeMatchers(matchers: readonly Matcher[]): Record<string, string> {
  const equal: Record<string, string> = {};
  for (const matcher of matchers) {
    if (matcher.type === '=' && matcher.value !== '' && matcher.name !== '__name__') {
      equal[matcher.name] = matcher.value;
    }
  }
  return equal;
}
