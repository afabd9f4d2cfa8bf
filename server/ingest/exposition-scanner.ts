/** The pieces both text formats share: a line cursor, names, quoted strings and numbers. */

export class PrometheusParseError extends Error {
  override readonly name = 'PrometheusParseError';

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export type Labels = Record<string, string>;

export interface Cursor {
  s: string;
  i: number;
  line: number;
}

/** How a quoted string treats a backslash before a character it does not know. */
export type UnknownEscape = 'refuse' | 'keep';

export const LEGACY_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
export const LEGACY_LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
// Every quantifier here is unambiguous, so a long malformed value fails in linear time.
export const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// Case-insensitive and with "infinity", like Go's strconv.ParseFloat and the OpenMetrics ABNF.
const INFINITY = /^[+-]?inf(?:inity)?$/i;
const NAN = /^nan$/i;
const UNESCAPED_TEXT = /[^"\\]*/y;

export function fail(cur: Cursor, message: string): never {
  throw new PrometheusParseError(cur.line, message);
}

export function skipBlanks(cur: Cursor): void {
  for (let c = cur.s.charCodeAt(cur.i); c === 32 || c === 9; c = cur.s.charCodeAt(cur.i)) cur.i++;
}

/** Quotes input for a message, cut short so that a huge malformed line cannot flood the error. */
export function show(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}

export function describeNext(cur: Cursor): string {
  return cur.i >= cur.s.length ? 'end of line' : `'${cur.s[cur.i]}'`;
}

/** Runs a sticky pattern at the cursor and moves past what it matched. */
export function readPattern(cur: Cursor, pattern: RegExp): string {
  pattern.lastIndex = cur.i;
  const match = pattern.exec(cur.s);
  if (!match) return '';
  cur.i = pattern.lastIndex;
  return match[0];
}

/** Reads a double-quoted string starting at the opening quote; \\, \" and \n are escapes. */
export function readQuoted(cur: Cursor, what: string, unknown: UnknownEscape): string {
  let out = '';
  cur.i++;
  for (;;) {
    out += readPattern(cur, UNESCAPED_TEXT);
    const c = cur.s[cur.i];
    if (c === undefined) fail(cur, `unterminated quoted ${what}`);
    cur.i++;
    if (c === '"') return out;
    const next = cur.s[cur.i];
    const char = next === 'n' ? '\n' : next === '\\' || next === '"' ? next : undefined;
    if (char !== undefined) {
      cur.i++;
      out += char;
    } else if (unknown === 'keep' && next !== undefined) {
      out += '\\';
    } else {
      fail(cur, `invalid escape '\\${next ?? ''}' in ${what}`);
    }
  }
}

/** Unescapes HELP text: the same escapes as a quoted string, up to the end of the line. */
export function unescapeHelp(cur: Cursor, raw: string, family: string, unknown: UnknownEscape) {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(.?)/g, (whole, c: string) => {
    if (c === 'n') return '\n';
    if (c === '\\' || c === '"') return c;
    if (unknown === 'keep') return whole;
    return fail(cur, `invalid escape sequence '\\${c}' in HELP text of ${show(family)}`);
  });
}

/** A legacy name at the cursor, or a quoted UTF-8 name (Prometheus 3); '' when neither is there. */
export function readName(cur: Cursor, legacy: RegExp, what: string): string {
  if (cur.s[cur.i] !== '"') return readPattern(cur, legacy);
  const name = readQuoted(cur, what, 'refuse');
  if (name === '') fail(cur, `empty quoted ${what}`);
  return name;
}

export function addLabel(cur: Cursor, labels: Labels, name: string, value: string): void {
  if (Object.hasOwn(labels, name)) fail(cur, `duplicate label ${show(name)}`);
  if (name === '__name__') fail(cur, `label name "__name__" is reserved for the metric name`);
  // Plain assignment of "__proto__" would set the prototype instead of adding a label.
  if (name !== '__proto__') labels[name] = value;
  else Object.defineProperty(labels, name, { value, enumerable: true, writable: true });
}

const PLAIN_LABELS = new RegExp(String.raw`(${LEGACY_LABEL})="([^"\\]*)"`, 'g');

/** The labels of a block already matched as plain `name="value"` pairs (no escapes, no quotes). */
export function readPlainLabels(cur: Cursor, block: string | undefined): Labels {
  const labels: Labels = {};
  if (!block) return labels;
  PLAIN_LABELS.lastIndex = 0;
  for (let l = PLAIN_LABELS.exec(block); l; l = PLAIN_LABELS.exec(block)) {
    addLabel(cur, labels, l[1] as string, l[2] as string);
  }
  return labels;
}

/** A float in Go's ParseFloat syntax; undefined when malformed or beyond float64. */
export function toNumber(raw: string): number | undefined {
  if (FLOAT.test(raw)) {
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  }
  if (INFINITY.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  return NAN.test(raw) ? NaN : undefined;
}

/** Words the error for a value toNumber refused, telling overflow apart from bad syntax. */
export function badNumber(cur: Cursor, raw: string, what: string, context = ''): never {
  if (FLOAT.test(raw)) {
    fail(
      cur,
      `${what} ${show(raw)}${context} is beyond the float64 range; write +Inf or -Inf for infinity`,
    );
  }
  return fail(cur, `invalid ${what} ${show(raw)}${context}`);
}
