import { fail, show, unescapeHelp, type Cursor, type Labels } from './exposition-scanner';
import {
  sampleLimitMessage,
  type MetricType,
  type ParseResult,
  type ParsedFamily,
  type ParsedSample,
} from './exposition-types';
import { PointTracker } from './openmetrics-points';
import { checkOpenMetricsValue } from './openmetrics-values';

export interface RawSample {
  metric: string;
  labels: Labels;
  value: number;
  ts: number | undefined;
  exemplar: boolean;
}

interface Family extends ParsedFamily {
  metadata: Set<string>;
  hasSamples: boolean;
}

const TYPES: ReadonlyMap<string, MetricType> = new Map([
  ['counter', 'counter'],
  ['gauge', 'gauge'],
  ['histogram', 'histogram'],
  ['gaugehistogram', 'gaugehistogram'],
  ['stateset', 'stateset'],
  ['info', 'info'],
  ['summary', 'summary'],
  ['unknown', 'untyped'],
]);
/** Sample name suffixes per type (OpenMetrics 1.0, MetricFamily > Suffixes). */
const SUFFIXES: Record<MetricType, readonly string[]> = {
  counter: ['_total', '_created'],
  gauge: [''],
  histogram: ['_bucket', '_count', '_sum', '_created'],
  gaugehistogram: ['_bucket', '_gcount', '_gsum'],
  summary: ['', '_count', '_sum', '_created'],
  info: ['_info'],
  stateset: [''],
  untyped: [''],
};
const UNIT = /^[a-zA-Z0-9_:]*$/;

/** Families, their metadata and their samples, checked in the order the text gives them. */
export class OpenMetricsState {
  private readonly families: Family[] = [];
  private readonly samples: ParsedSample[] = [];
  /** Every family name and every sample name a typed family can produce, to find clashes. */
  private readonly taken = new Map<string, string>();
  private readonly points = new PointTracker();
  private current: Family | undefined;

  constructor(private readonly maxSamples: number) {}

  metadata(cur: Cursor, keyword: string, name: string, rest: string): void {
    const family = this.current?.name === name ? this.current : this.open(cur, name);
    if (family.hasSamples) fail(cur, `${keyword} line for ${show(name)} after its samples`);
    if (family.metadata.has(keyword)) fail(cur, `second ${keyword} line for ${show(name)}`);
    family.metadata.add(keyword);
    if (keyword === 'TYPE') this.setType(cur, family, rest);
    else if (keyword === 'HELP' && rest !== '') family.help = unescapeHelp(cur, rest, name, 'keep');
    else if (keyword === 'UNIT') setUnit(cur, family, rest);
    if (family.unit && (family.type === 'info' || family.type === 'stateset')) {
      fail(cur, `a ${family.type} family must have no UNIT, and ${show(name)} has one`);
    }
  }

  addSample(cur: Cursor, raw: RawSample): void {
    if (this.samples.length >= this.maxSamples) fail(cur, sampleLimitMessage(this.maxSamples));
    let family = this.current;
    let suffix = family ? suffixOf(family, raw.metric) : undefined;
    if (!family || suffix === undefined) {
      if (family && this.taken.get(raw.metric) === family.name) misnamed(cur, family, raw.metric);
      family = this.open(cur, raw.metric);
      suffix = '';
    }
    family.hasSamples = true;
    checkOpenMetricsValue(cur, family, suffix, raw);
    this.points.add(cur, family, suffix, raw);
    const sample: ParsedSample = {
      metric: raw.metric,
      labels: raw.labels,
      value: raw.value,
      family: family.name,
      type: family.type,
    };
    if (raw.ts !== undefined) sample.ts = raw.ts;
    this.samples.push(sample);
  }

  finish(): void {
    this.points.end();
  }

  result(): ParseResult {
    const families = this.families.map(({ name, type, help, unit }) => {
      const family: ParsedFamily = { name, type };
      if (help !== undefined) family.help = help;
      if (unit !== undefined) family.unit = unit;
      return family;
    });
    return { families, samples: this.samples };
  }

  private open(cur: Cursor, name: string): Family {
    this.points.end();
    const owner = this.taken.get(name);
    if (owner === name) fail(cur, `${show(name)} again after other families: do not interleave`);
    if (owner !== undefined)
      fail(cur, `${show(name)} clashes with a sample name of ${show(owner)}`);
    const family: Family = { name, type: 'untyped', metadata: new Set(), hasSamples: false };
    this.taken.set(name, name);
    this.families.push(family);
    this.current = family;
    return family;
  }

  private setType(cur: Cursor, family: Family, raw: string): void {
    const type = TYPES.get(raw);
    if (!type) fail(cur, `unknown metric type ${show(raw)} for ${show(family.name)}`);
    family.type = type;
    for (const suffix of SUFFIXES[type]) {
      const sampleName = family.name + suffix;
      const owner = this.taken.get(sampleName);
      if (owner !== undefined && owner !== family.name) {
        fail(
          cur,
          `${type} ${show(family.name)} would write ${show(sampleName)}, taken by ${show(owner)}`,
        );
      }
      this.taken.set(sampleName, family.name);
    }
  }
}

function setUnit(cur: Cursor, family: Family, unit: string): void {
  if (!UNIT.test(unit)) fail(cur, `invalid unit ${show(unit)} for ${show(family.name)}`);
  if (unit === '') return;
  if (!family.name.endsWith(`_${unit}`)) {
    fail(cur, `unit ${show(unit)} must end the family name, as ${show(`${family.name}_${unit}`)}`);
  }
  family.unit = unit;
}

function misnamed(cur: Cursor, family: ParsedFamily, metric: string): never {
  const names = SUFFIXES[family.type].map((suffix) => family.name + suffix).join(', ');
  return fail(
    cur,
    `${show(metric)} is not a sample of ${family.type} ${show(family.name)}: ${names}`,
  );
}

function suffixOf(family: ParsedFamily, metric: string): string | undefined {
  if (!metric.startsWith(family.name)) return undefined;
  const suffix = metric.slice(family.name.length);
  return SUFFIXES[family.type].includes(suffix) ? suffix : undefined;
}
