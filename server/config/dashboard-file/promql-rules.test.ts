import { describe, expect, it } from 'vitest';
import { parseDashboard } from './load';
import { formatProblem } from './problems';

const file = (source: string) => `sources:
  - kind: prometheus-api
    id: prom
    url: http://127.0.0.1:9090
  - kind: prometheus-scrape
    id: exporters
    job_name: dcgm
    static_configs: [{ targets: ['127.0.0.1:9400'] }]
panels:
  - id: ttft
    title: Time to first token p95
    unit: seconds
    query: { expr: "histogram_quantile(0.95, sum by (le) (rate(ttft_bucket[5m])))", source: prom }
    interval: 15s
alerts:
  - id: gpus-hot
    title: GPUs hot
    query: { expr: "avg by (cluster) (DCGM_FI_DEV_GPU_UTIL)" }
    condition: { above: 95 }
    for: 5m
  - id: ttft-slow
    title: Time to first token slow
    query:
      expr: histogram_quantile(0.95, sum by (le) (rate(ttft_bucket[5m])))
      source: ${source}
    condition: { above: 5 }
    for: 5m
    panels: [ttft]
`;

function problems(text: string): string[] {
  const result = parseDashboard(text, 'headroom.yaml');
  if (result.ok) throw new Error('the file was accepted');
  return result.problems.map(formatProblem);
}

describe('alert rules on PromQL in the dashboard file', () => {
  it('takes a local expression and one a declared prometheus-api source answers', () => {
    const result = parseDashboard(file('prom'), 'headroom.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.dashboard.config.alerts.map((rule) => rule.query)).toEqual([
      { expr: 'avg by (cluster) (DCGM_FI_DEV_GPU_UTIL)' },
      { expr: 'histogram_quantile(0.95, sum by (le) (rate(ttft_bucket[5m])))', source: 'prom' },
    ]);
    expect(result.dashboard.config.alerts[1]).toMatchObject({ forMs: 300_000 });
  });

  it('refuses, at its line, a rule naming a source that is not a declared prometheus-api one', () => {
    expect(problems(file('promx'))).toEqual([
      'headroom.yaml:25:15 alerts[1].query.source: prometheus-api source "promx" is not defined ' +
        'in this file; fix: use one of prom',
    ]);
    expect(problems(file('exporters'))[0]).toMatch(
      /^headroom\.yaml:25:15 alerts\[1\]\.query\.source: prometheus-api source "exporters"/,
    );
  });

  it('refuses, at its line, a local expression Headroom cannot evaluate', () => {
    const text = file('prom').replace(
      'expr: "avg by (cluster) (DCGM_FI_DEV_GPU_UTIL)"',
      'expr: "holt_winters(DCGM_FI_DEV_GPU_UTIL[5m], 0.5, 0.5)"',
    );
    expect(problems(text)).toEqual([
      'headroom.yaml:18:20 alerts[0].query.expr: unknown function holt_winters() (line 1, column 1); ' +
        'fix: write an expression Headroom evaluates (see "Panels from PromQL")',
    ]);
  });
});
