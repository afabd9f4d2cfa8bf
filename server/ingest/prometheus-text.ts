import {
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
  skipBlanks,
  toNumber,
  unescapeHelp,
  type Cursor,
  type Labels,
} from './exposition-scanner';
import {
  sampleLimitMessage,
  type MetricType,
  type ParseOptions,
  type ParseResult,
  type ParsedFamily,
  type ParsedSample,
} from './exposition-types';
import { checkPrometheusSample, resolvePrometheusFamily } from './prometheus-rules';

export { PrometheusParseError } from './exposition-scanner';
export { METRIC_TYPES } from './exposition-types';
export type { MetricType, ParseResult, ParsedFamily, ParsedSample } from './exposition-types';

interface ParserState {
  declared: Map<string, ParsedFamily>;
  /** Families with a TYPE line or with samples already: a later TYPE would contradict them. */
  settled: Set<string>;
  families: ParsedFamily[];
  samples: ParsedSample[];
  maxSamples: number;
}

// Type names as prometheus/common expfmt reads them: case-insensitive, gauge_histogram included.
const TYPES: ReadonlyMap<string, MetricType> = new Map([
  ['counter', 'counter'],
  ['gauge', 'gauge'],
  ['histogram', 'histogram'],
  ['gauge_histogram', 'gaugehistogram'],
  ['summary', 'summary'],
  ['untyped', 'untyped'],
]);
const INTEGER = /^[+-]?\d+$/;
const CR_MESSAGE = 'carriage return before the line feed: the format uses \\n line endings only';
const INT64_MAX = 9223372036854775807n;
const METRIC_NAME = new RegExp(LEGACY_NAME, 'y');
const LABEL_NAME = new RegExp(LEGACY_LABEL, 'y');
const TOKEN = /[^ \t]*/y;
const PLAIN_LABEL = String.raw`${LEGACY_LABEL}="[^"\\]*"`;
// Ordinary sample lines (single spaces, no escapes) take one native match, which keeps even the
// first, unoptimised parse fast; the scanner reads every other line and words every error.
const PLAIN_SAMPLE = new RegExp(
  String.raw`^(${LEGACY_NAME})(?:\{((?:${PLAIN_LABEL}(?:,${PLAIN_LABEL})*,?)?)\})?` +
    String.raw` ([^ \t]+)(?: ([^ \t]{1,15}))?$`,
);

/** Reads the Prometheus text format 0.0.4, with Prometheus 3's quoted UTF-8 names. */
export function parsePrometheusText(text: string, options?: ParseOptions): ParseResult {
  const state: ParserState = {
    declared: new Map(),
    settled: new Set(),
    families: [],
    samples: [],
    maxSamples: options?.maxSamples ?? Infinity,
  };
  const lines = text.split('\n');
  const last = lines.length - 1;
  for (let n = 0; n <= last; n++) {
    const s = lines[n] as string;
    const cur: Cursor = { s, i: 0, line: n + 1 };
    skipBlanks(cur);
    if (cur.i === s.length) continue;
    if (n === last) fail(cur, 'the last line must end with a line feed (\\n)');
    if (s[cur.i] === '#') parseComment(state, cur);
    else if (s.charCodeAt(s.length - 1) === 13) fail(cur, CR_MESSAGE);
    else addSample(state, cur, parsePlainSample(cur) ?? parseSample(cur));
  }
  return { families: state.families, samples: state.samples };
}

function parseComment(state: ParserState, cur: Cursor): void {
  cur.i++;
  skipBlanks(cur);
  const keyword = readPattern(cur, TOKEN);
  // Other comments, and a bare "# HELP name" or "# TYPE name", are ignored as expfmt does.
  if (keyword !== 'HELP' && keyword !== 'TYPE') return;
  skipBlanks(cur);
  if (cur.i === cur.s.length) return;
  const name = readName(cur, METRIC_NAME, 'metric name');
  const next = cur.s.charCodeAt(cur.i);
  if (!name || (cur.i < cur.s.length && next !== 32 && next !== 9)) {
    fail(cur, `invalid metric name in ${keyword} line: unexpected ${describeNext(cur)}`);
  }
  skipBlanks(cur);
  if (cur.i === cur.s.length) return;
  const rest = cur.s.slice(cur.i);
  let family = state.declared.get(name);
  if (!family) {
    family = { name, type: 'untyped' };
    state.declared.set(name, family);
    state.families.push(family);
  }
  if (keyword === 'HELP') setHelp(cur, family, rest);
  else setType(state, cur, family, rest.trimEnd());
}

function setHelp(cur: Cursor, family: ParsedFamily, raw: string): void {
  if (family.help !== undefined) fail(cur, `second HELP line for metric ${show(family.name)}`);
  family.help = unescapeHelp(cur, raw, family.name, 'refuse');
}

function setType(state: ParserState, cur: Cursor, family: ParsedFamily, raw: string): void {
  const { name } = family;
  if (state.settled.has(name)) fail(cur, `repeated or late TYPE line for ${show(name)}`);
  const type = TYPES.get(raw.toLowerCase());
  if (!type) fail(cur, `unknown metric type ${show(raw)} for ${show(name)}`);
  state.settled.add(name);
  family.type = type;
}

/** The fast path: undefined, having consumed nothing, when the line needs the scanner. */
function parsePlainSample(cur: Cursor): ParsedSample | undefined {
  const match = PLAIN_SAMPLE.exec(cur.s);
  if (!match) return undefined;
  const value = toNumber(match[3] as string);
  const rawTs = match[4];
  if (value === undefined || (rawTs !== undefined && !INTEGER.test(rawTs))) return undefined;
  const labels = readPlainLabels(cur, match[2]);
  return newSample(match[1] as string, labels, value, rawTs);
}

function parseSample(cur: Cursor): ParsedSample {
  let metric = '';
  if (cur.s[cur.i] !== '{') {
    metric = readName(cur, METRIC_NAME, 'metric name');
    if (!metric) fail(cur, `invalid metric name: unexpected ${describeNext(cur)}`);
    const next = cur.s[cur.i];
    if (next !== undefined && next !== ' ' && next !== '\t' && next !== '{') {
      fail(cur, `invalid character ${describeNext(cur)} in metric name ${show(metric)}`);
    }
  }
  skipBlanks(cur);
  const braces = cur.s[cur.i] === '{' ? parseLabels(cur, metric) : { metric, labels: {} };
  metric = braces.metric;
  if (!metric) fail(cur, 'missing metric name: put it first, or quoted first inside the braces');
  skipBlanks(cur);
  const rawValue = readPattern(cur, TOKEN);
  if (!rawValue) fail(cur, `missing value for metric ${show(metric)}`);
  const value = toNumber(rawValue);
  if (value === undefined) badNumber(cur, rawValue, 'value', ` for metric ${show(metric)}`);
  skipBlanks(cur);
  const rawTs = readPattern(cur, TOKEN);
  if (rawTs) checkTimestamp(cur, rawTs);
  skipBlanks(cur);
  const extra = cur.s.slice(cur.i);
  if (extra) fail(cur, `unexpected text ${show(extra)} after the timestamp`);
  return newSample(metric, braces.labels, value, rawTs || undefined);
}

function checkTimestamp(cur: Cursor, raw: string): void {
  const valid = INTEGER.test(raw);
  if (!valid) fail(cur, `invalid timestamp ${show(raw)}: milliseconds as an integer`);
  const magnitude = BigInt(raw.replace(/^[+-]/, ''));
  if (magnitude > INT64_MAX) fail(cur, `timestamp ${show(raw)} is beyond the int64 range`);
}

/** A label block; inside it a quoted metric name may come first (Prometheus 3). */
function parseLabels(cur: Cursor, given: string): { metric: string; labels: Labels } {
  const labels: Labels = {};
  let metric = given;
  cur.i++;
  for (let first = true; ; first = false) {
    skipBlanks(cur);
    if (cur.s[cur.i] === '}') break;
    const quoted = cur.s[cur.i] === '"';
    const name = readName(cur, LABEL_NAME, 'label name');
    if (!name) fail(cur, `expected label name or '}' but found ${describeNext(cur)}`);
    skipBlanks(cur);
    const next = cur.s[cur.i];
    if (quoted && first && !metric && (next === ',' || next === '}')) {
      metric = name;
    } else {
      if (next !== '=') fail(cur, `expected '=' after label name ${show(name)}`);
      cur.i++;
      skipBlanks(cur);
      if (cur.s[cur.i] !== '"') fail(cur, `expected '"' before value of label ${show(name)}`);
      addLabel(cur, labels, name, readQuoted(cur, `value for label ${show(name)}`, 'refuse'));
    }
    skipBlanks(cur);
    if (cur.s[cur.i] === ',') cur.i++;
    else if (cur.s[cur.i] !== '}') fail(cur, `expected ',' or '}' but found ${describeNext(cur)}`);
  }
  cur.i++;
  return { metric, labels };
}

/** Family and type are settled by addSample once the line is known to be well formed. */
function newSample(metric: string, labels: Labels, value: number, ts?: string): ParsedSample {
  const sample: ParsedSample = { metric, labels, value, family: metric, type: 'untyped' };
  if (ts !== undefined) sample.ts = Number(ts);
  return sample;
}

function addSample(state: ParserState, cur: Cursor, sample: ParsedSample): void {
  if (state.samples.length >= state.maxSamples) fail(cur, sampleLimitMessage(state.maxSamples));
  const family = resolvePrometheusFamily(state.declared, sample.metric);
  if (family) {
    sample.family = family.name;
    sample.type = family.type;
    checkPrometheusSample(cur, family, sample);
  }
  state.settled.add(sample.family);
  state.samples.push(sample);
}
