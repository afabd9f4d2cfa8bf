export const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

export interface ParsedSample {
  metric: string;
  labels: Record<string, string>;
  value: number;
  ts?: number;
  family: string;
  type: MetricType;
}

export interface ParsedFamily {
  name: string;
  type: MetricType;
  help?: string;
}

export interface ParseResult {
  families: ParsedFamily[];
  samples: ParsedSample[];
}

export class PrometheusParseError extends Error {
  override readonly name = 'PrometheusParseError';

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

type Labels = Record<string, string>;

interface Cursor {
  s: string;
  i: number;
  line: number;
}

interface ParserState {
  declared: Map<string, ParsedFamily>;
  /** Families with a TYPE line or with samples already: a later TYPE would contradict them. */
  settled: Set<string>;
  families: ParsedFamily[];
  samples: ParsedSample[];
  maxSamples: number;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(METRIC_TYPES);
// Every quantifier here is unambiguous, so a long malformed value fails in linear time.
const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// Case-insensitive and with "infinity", like Go's strconv.ParseFloat used by the reference parser.
const INFINITY = /^[+-]?inf(?:inity)?$/i;
const NAN = /^nan$/i;
const INTEGER = /^[+-]?\d+$/;
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const METRIC_NAME = new RegExp(NAME, 'y');
const VALID_NAME = new RegExp(`^${NAME}$`);
const LABEL_NAME = new RegExp(LABEL, 'y');
const TOKEN = /[^ \t]*/y;
const UNESCAPED_TEXT = /[^"\\]*/y;
const DECLARATION = /^[ \t]*#[ \t]*(HELP|TYPE)(?:[ \t]+([^ \t]+)[ \t]*([^]*))?$/;
const PLAIN_LABEL = String.raw`${LABEL}="[^"\\]*"`;
const PLAIN_LABELS = new RegExp(String.raw`(${LABEL})="([^"\\]*)"`, 'g');
// Ordinary sample lines (single spaces, no escapes) take one native match, which keeps even the
// first, unoptimised parse fast; the scanner reads every other line and words every error.
const PLAIN_SAMPLE = new RegExp(
  String.raw`^(${NAME})(?:\{((?:${PLAIN_LABEL}(?:,${PLAIN_LABEL})*,?)?)\})?` +
    String.raw` ([^ \t]+)(?: ([^ \t]+))?$`,
);

export function parsePrometheusText(text: string, options?: { maxSamples?: number }): ParseResult {
  const state: ParserState = {
    declared: new Map(),
    settled: new Set(),
    families: [],
    samples: [],
    maxSamples: options?.maxSamples ?? Infinity,
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    let s = lines[n] as string;
    if (s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
    const cur: Cursor = { s, i: 0, line: n + 1 };
    skipBlanks(cur);
    if (cur.i === s.length) continue;
    if (s[cur.i] === '#') parseComment(state, cur);
    else addSample(state, cur, parsePlainSample(cur) ?? parseSample(cur));
  }
  return { families: state.families, samples: state.samples };
}

function fail(cur: Cursor, message: string): never {
  throw new PrometheusParseError(cur.line, message);
}

function skipBlanks(cur: Cursor): void {
  for (let c = cur.s.charCodeAt(cur.i); c === 32 || c === 9; c = cur.s.charCodeAt(cur.i)) cur.i++;
}

/** Quotes input for a message, cut short so that a huge malformed line cannot flood the error. */
function show(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}

function describeNext(cur: Cursor): string {
  return cur.i >= cur.s.length ? 'end of line' : `'${cur.s[cur.i]}'`;
}

/** Runs a sticky pattern at the cursor and moves past what it matched. */
function readPattern(cur: Cursor, pattern: RegExp): string {
  pattern.lastIndex = cur.i;
  const match = pattern.exec(cur.s);
  if (!match) return '';
  cur.i = pattern.lastIndex;
  return match[0];
}

function parseComment(state: ParserState, cur: Cursor): void {
  const match = DECLARATION.exec(cur.s);
  const name = match?.[2];
  // Other comments, and a bare "# HELP" or "# TYPE" as in the reference Go parser, are ignored.
  if (!match || name === undefined) return;
  const keyword = match[1] as string;
  const rest = match[3] ?? '';
  if (!VALID_NAME.test(name)) fail(cur, `invalid metric name ${show(name)} in ${keyword} line`);
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
  family.help = !raw.includes('\\')
    ? raw
    : raw.replace(/\\(.?)/g, (_, c: string) => {
        if (c === 'n') return '\n';
        if (c === '\\') return '\\';
        return fail(cur, `invalid escape sequence '\\${c}' in HELP text of ${show(family.name)}`);
      });
}

function setType(state: ParserState, cur: Cursor, family: ParsedFamily, raw: string): void {
  const { name } = family;
  if (state.settled.has(name)) fail(cur, `repeated or late TYPE line for ${show(name)}`);
  if (!KNOWN_TYPES.has(raw)) fail(cur, `unknown metric type ${show(raw)} for ${show(name)}`);
  state.settled.add(name);
  family.type = raw as MetricType;
}

/** The fast path: undefined, having consumed nothing, when the line needs the scanner. */
function parsePlainSample(cur: Cursor): ParsedSample | undefined {
  const match = PLAIN_SAMPLE.exec(cur.s);
  if (!match) return undefined;
  const value = toNumber(match[3] as string);
  const rawTs = match[4];
  if (value === undefined || (rawTs !== undefined && !INTEGER.test(rawTs))) return undefined;
  const labels: Labels = {};
  const block = match[2];
  if (block) {
    PLAIN_LABELS.lastIndex = 0;
    for (let l = PLAIN_LABELS.exec(block); l; l = PLAIN_LABELS.exec(block)) {
      addLabel(cur, labels, l[1] as string, l[2] as string);
    }
  }
  return newSample(match[1] as string, labels, value, rawTs);
}

function parseSample(cur: Cursor): ParsedSample {
  const metric = readPattern(cur, METRIC_NAME);
  if (!metric) fail(cur, `invalid metric name: unexpected ${describeNext(cur)}`);
  const next = cur.s[cur.i];
  if (next !== undefined && next !== ' ' && next !== '\t' && next !== '{') {
    fail(cur, `invalid character ${describeNext(cur)} in metric name ${show(metric)}`);
  }
  skipBlanks(cur);
  const labels = cur.s[cur.i] === '{' ? parseLabels(cur) : {};
  skipBlanks(cur);
  const rawValue = readPattern(cur, TOKEN);
  if (!rawValue) fail(cur, `missing value for metric ${show(metric)}`);
  const value = toNumber(rawValue);
  if (value === undefined) fail(cur, `invalid value ${show(rawValue)} for metric ${show(metric)}`);
  skipBlanks(cur);
  const rawTs = readPattern(cur, TOKEN);
  if (rawTs && !INTEGER.test(rawTs)) fail(cur, `invalid timestamp ${show(rawTs)}`);
  skipBlanks(cur);
  const extra = cur.s.slice(cur.i);
  if (extra) fail(cur, `unexpected text ${show(extra)} after the timestamp`);
  return newSample(metric, labels, value, rawTs || undefined);
}

function parseLabels(cur: Cursor): Labels {
  const labels: Labels = {};
  cur.i++;
  for (;;) {
    skipBlanks(cur);
    if (cur.s[cur.i] === '}') break;
    const name = readPattern(cur, LABEL_NAME);
    if (!name) fail(cur, `expected label name or '}' but found ${describeNext(cur)}`);
    skipBlanks(cur);
    if (cur.s[cur.i] !== '=') fail(cur, `expected '=' after label name ${show(name)}`);
    cur.i++;
    skipBlanks(cur);
    if (cur.s[cur.i] !== '"') fail(cur, `expected '"' before value of label ${show(name)}`);
    addLabel(cur, labels, name, readQuoted(cur, name));
    skipBlanks(cur);
    if (cur.s[cur.i] === ',') cur.i++;
    else if (cur.s[cur.i] !== '}') fail(cur, `expected ',' or '}' but found ${describeNext(cur)}`);
  }
  cur.i++;
  return labels;
}

function readQuoted(cur: Cursor, label: string): string {
  let out = '';
  cur.i++;
  for (;;) {
    out += readPattern(cur, UNESCAPED_TEXT);
    const c = cur.s[cur.i];
    if (c === undefined) fail(cur, `unterminated quoted value for label ${show(label)}`);
    cur.i++;
    if (c === '"') return out;
    const next = cur.s[cur.i++];
    const char = next === 'n' ? '\n' : next === '\\' || next === '"' ? next : undefined;
    if (char === undefined) fail(cur, `invalid escape '\\${next ?? ''}' in label ${show(label)}`);
    out += char;
  }
}

function addLabel(cur: Cursor, labels: Labels, name: string, value: string): void {
  if (Object.hasOwn(labels, name)) fail(cur, `duplicate label ${show(name)}`);
  // Plain assignment of "__proto__" would set the prototype instead of adding a label.
  if (name !== '__proto__') labels[name] = value;
  else Object.defineProperty(labels, name, { value, enumerable: true, writable: true });
}

function toNumber(raw: string): number | undefined {
  if (FLOAT.test(raw)) return Number(raw);
  if (INFINITY.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  return NAN.test(raw) ? NaN : undefined;
}

/** Family and type are settled by addSample once the line is known to be well formed. */
function newSample(metric: string, labels: Labels, value: number, ts?: string): ParsedSample {
  const sample: ParsedSample = { metric, labels, value, family: metric, type: 'untyped' };
  if (ts !== undefined) sample.ts = Number(ts);
  return sample;
}

function addSample(state: ParserState, cur: Cursor, sample: ParsedSample): void {
  if (state.samples.length >= state.maxSamples) {
    fail(cur, `sample limit exceeded: more than ${state.maxSamples} samples (maxSamples)`);
  }
  const family = resolveFamily(state, sample.metric);
  if (family) {
    sample.family = family.name;
    sample.type = family.type;
  }
  state.settled.add(sample.family);
  state.samples.push(sample);
}

/** Exact name first, then histogram/summary suffixes, as the reference Go parser does. */
function resolveFamily(state: ParserState, metric: string): ParsedFamily | undefined {
  const exact = state.declared.get(metric);
  if (exact) return exact;
  const bucket = metric.endsWith('_bucket');
  const cut = bucket ? 7 : metric.endsWith('_count') ? 6 : metric.endsWith('_sum') ? 4 : 0;
  const base = cut ? state.declared.get(metric.slice(0, -cut)) : undefined;
  return base?.type === 'histogram' || (base?.type === 'summary' && !bucket) ? base : undefined;
}
