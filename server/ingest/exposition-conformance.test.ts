import { describe, expect, it } from 'vitest';
import { agrees, caseBytes, describeCase, type ConformanceCase } from './conformance/case';
import { OPENMETRICS_SYNTAX_CASES } from './conformance/openmetrics-syntax-cases';
import { OPENMETRICS_TYPE_CASES } from './conformance/openmetrics-type-cases';
import { PROMETHEUS_CASES } from './conformance/prometheus-cases';
import { parseExposition } from './exposition';

function outcome(test: ConformanceCase): string {
  try {
    const { samples } = parseExposition(caseBytes(test.input), test.format);
    return `read ${JSON.stringify(samples.map((s) => [s.metric, s.labels, String(s.value), s.ts]))}`;
  } catch (error) {
    return `refused: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe.each([
  ['Prometheus text format 0.0.4', PROMETHEUS_CASES],
  ['OpenMetrics 1.0 syntax', OPENMETRICS_SYNTAX_CASES],
  ['OpenMetrics 1.0 types', OPENMETRICS_TYPE_CASES],
])('conformance to the %s', (_, cases) => {
  it.each(cases.map((test) => [describeCase(test), test.spec, test] as const))(
    '%s (%s)',
    (_name, _spec, test) => {
      expect(agrees(parseExposition, test), outcome(test)).toBe(true);
    },
  );
});
