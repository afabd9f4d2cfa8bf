import {
  FLOAT,
  LEGACY_LABEL,
  LEGACY_NAME,
  addLabel,
  badNumber,
  describeNext,
  fail,
  readName,
  readPattern,
  readPlainLabels,
  readQuoted,
  show,
  toNumber,
  type Cursor,
  type Labels,
} from './exposition-scanner';
import type { ParseOptions, ParseResult } from './exposition-types';
import { OpenMetricsState, type RawSample } from './openmetrics-rules';

const METRIC_NAME = new RegExp(LEGACY_NAME, 'y');
const LABEL_NAME = new RegExp(LEGACY_LABEL, 'y');
const TOKEN = /[^ ]*/y;
const KEYWORDS: ReadonlySet<string> = new Set(['TYPE', 'HELP', 'UNIT']);
const PLAIN_LABEL = String.raw`${LEGACY_LABEL}="[^"\\]*"`;
// Lines without escapes, quoted names or exemplars take one native match; the rest, the scanner.
const PLAIN_SAMPLE = new RegExp(
  String.raw`^(${LEGACY_NAME})(?:\{(${PLAIN_LABEL}(?:,${PLAIN_LABEL})*)?\})? ([^ ]+)(?: ([^ ]+))?$`,
);
/** The exemplar's label names and values together, in code points (OpenMetrics 1.0, Exemplars). */
const MAX_EXEMPLAR_LABEL_CHARS = 128;

/** Reads OpenMetrics 1.0 text: timestamps in seconds, exemplars checked then dropped, # EOF. */
export function parseOpenMetricsText(text: string, options?: ParseOptions): ParseResult {
  const lines = text.split('\n');
  const eof = findEof(lines);
  const state = new OpenMetricsState(options?.maxSamples ?? Infinity);
  for (let n = 0; n < eof; n++) {
    const s = lines[n] as string;
    const cur: Cursor = { s, i: 0, line: n + 1 };
    if (s === '') fail(cur, 'blank line: OpenMetrics allows none');
    if (s.charCodeAt(0) === 35) parseMetadata(state, cur);
    else state.addSample(cur, parsePlainSample(cur) ?? parseSample(cur));
  }
  state.finish();
  return state.result();
}

/** The index of the "# EOF" line, which must be last, with at most one line feed after it. */
function findEof(lines: readonly string[]): number {
  const last = lines.length - 1;
  const end = last > 0 && lines[last] === '' ? last - 1 : last;
  if (lines[end] === '# EOF') return end;
  const early = lines.indexOf('# EOF');
  const line = early >= 0 && early < end ? early + 2 : end + 1;
  const message =
    early >= 0 && early < end
      ? 'text after "# EOF": the exposition ends there'
      : 'missing "# EOF": an OpenMetrics exposition ends with that line';
  return fail({ s: '', i: 0, line }, message);
}

function parseMetadata(state: OpenMetricsState, cur: Cursor): void {
  const keyword = cur.s.slice(2, 6);
  if (!cur.s.startsWith('# ') || !KEYWORDS.has(keyword) || cur.s[6] !== ' ') {
    fail(cur, 'a line starting with # must be "# TYPE", "# HELP", "# UNIT" or the final "# EOF"');
  }
  cur.i = 7;
  const name = readName(cur, METRIC_NAME, 'metric name');
  if (!name) fail(cur, `invalid metric name in ${keyword} line: unexpected ${describeNext(cur)}`);
  if (cur.s[cur.i] !== ' ') {
    fail(
      cur,
      `${keyword} line: expected one space after ${show(name)}, found ${describeNext(cur)}`,
    );
  }
  state.metadata(cur, keyword, name, cur.s.slice(cur.i + 1));
}

/** The fast path: undefined when the line needs the scanner. */
function parsePlainSample(cur: Cursor): RawSample | undefined {
  const match = PLAIN_SAMPLE.exec(cur.s);
  if (!match) return undefined;
  const value = toNumber(match[3] as string);
  const rawTs = match[4];
  if (value === undefined || (rawTs !== undefined && !FLOAT.test(rawTs))) return undefined;
  const labels = readPlainLabels(cur, match[2]);
  const ts = rawTs === undefined ? undefined : toMillis(cur, rawTs);
  return { metric: match[1] as string, labels, value, ts, exemplar: false };
}

function parseSample(cur: Cursor): RawSample {
  let metric = '';
  if (cur.s[cur.i] !== '{') {
    metric = readName(cur, METRIC_NAME, 'metric name');
    if (!metric) fail(cur, `invalid metric name: unexpected ${describeNext(cur)}`);
    if (cur.s[cur.i] !== ' ' && cur.s[cur.i] !== '{') {
      fail(cur, `invalid character ${describeNext(cur)} after metric name ${show(metric)}`);
    }
  }
  let labels: Labels = {};
  if (cur.s[cur.i] === '{') ({ metric, labels } = parseLabels(cur, metric, true));
  if (!metric) fail(cur, 'missing metric name: put it first, or quoted first inside the braces');
  const rawValue = readToken(cur, `the value of ${show(metric)}`);
  const value = toNumber(rawValue);
  if (value === undefined) badNumber(cur, rawValue, 'value', ` for metric ${show(metric)}`);
  const sample: RawSample = { metric, labels, value, ts: undefined, exemplar: false };
  if (cur.i === cur.s.length) return sample;
  if (cur.s.slice(cur.i, cur.i + 2) !== ' #')
    sample.ts = toMillis(cur, readToken(cur, 'timestamp'));
  if (cur.i === cur.s.length) return sample;
  readExemplar(cur);
  sample.exemplar = true;
  return sample;
}

/** One space, then a token that runs to the next space or the end of the line. */
function readToken(cur: Cursor, what: string): string {
  if (cur.s[cur.i] !== ' ')
    fail(cur, `expected one space before ${what}, found ${describeNext(cur)}`);
  cur.i++;
  const token = readPattern(cur, TOKEN);
  if (!token) fail(cur, `expected ${what} after one space, found ${describeNext(cur)}`);
  return token;
}

/** Seconds, as the ABNF's realnumber, to milliseconds. */
function toMillis(cur: Cursor, raw: string): number {
  const seconds = FLOAT.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(seconds))
    fail(cur, `invalid timestamp ${show(raw)}: seconds, as 1520879607.789`);
  return Math.round(seconds * 1000);
}

/** " # {labels} value [timestamp]": checked against the ABNF, then dropped (ingestors MAY). */
function readExemplar(cur: Cursor): void {
  if (cur.s.slice(cur.i, cur.i + 4) !== ' # {') {
    fail(cur, `expected an exemplar " # {...} value" but found ${show(cur.s.slice(cur.i))}`);
  }
  cur.i += 3;
  const { labels } = parseLabels(cur, '', false);
  const size = Object.entries(labels).reduce((n, [k, v]) => n + [...k].length + [...v].length, 0);
  if (size > MAX_EXEMPLAR_LABEL_CHARS) {
    fail(cur, `exemplar labels are ${size} characters long; at most ${MAX_EXEMPLAR_LABEL_CHARS}`);
  }
  const rawValue = readToken(cur, 'the exemplar value');
  if (toNumber(rawValue) === undefined) badNumber(cur, rawValue, 'exemplar value');
  if (cur.i < cur.s.length) toMillis(cur, readToken(cur, 'the exemplar timestamp'));
  if (cur.i < cur.s.length) fail(cur, `unexpected text ${show(cur.s.slice(cur.i))}`);
}

/** A label block with no blanks and no trailing comma; a quoted metric name may come first. */
function parseLabels(cur: Cursor, given: string, nameAllowed: boolean) {
  const labels: Labels = {};
  let metric = given;
  if (cur.s[++cur.i] === '}') {
    cur.i++;
    return { metric, labels };
  }
  for (let first = true; ; first = false) {
    const quoted = cur.s[cur.i] === '"';
    const name = readName(cur, LABEL_NAME, 'label name');
    if (!name) fail(cur, `expected a label name but found ${describeNext(cur)}`);
    const next = cur.s[cur.i];
    if (nameAllowed && quoted && first && !metric && (next === ',' || next === '}')) {
      metric = name;
    } else {
      if (next !== '=') fail(cur, `expected '=' right after label name ${show(name)}`);
      if (cur.s[++cur.i] !== '"') fail(cur, `expected '"' before value of label ${show(name)}`);
      addLabel(cur, labels, name, readQuoted(cur, `value for label ${show(name)}`, 'keep'));
    }
    if (cur.s[cur.i] === '}') break;
    if (cur.s[cur.i] !== ',') fail(cur, `expected ',' or '}' but found ${describeNext(cur)}`);
    if (cur.s[++cur.i] === '}') fail(cur, 'a comma before "}" is not allowed in OpenMetrics');
  }
  cur.i++;
  return { metric, labels };
}
