import { describe, expect, it } from 'vitest';
import { parseDashboard } from './load';
import { formatProblem } from './problems';

const VALID = `# yaml-language-server: $schema=../headroom.schema.json
sources:
  - kind: scenario
panels:
  - id: gpu-util
    title: GPU utilisation
    unit: percent
    query: { metric: DCGM_FI_DEV_GPU_UTIL, aggregation: avg }
    interval: 15s
  - id: queue-depth
    title: Queue depth
    unit: count
    display: lines
    query: { metric: inference_queue_depth, aggregation: sum, by: [workload] }
    interval: 1m
alerts:
  - id: gpus-hot
    title: GPUs hot
    query: { metric: DCGM_FI_DEV_GPU_UTIL, aggregation: avg }
    condition: { above: 95 }
    for: 5m
    panels: [gpu-util]
    notify: [oncall]
notifications:
  - name: oncall
    webhook: https://hooks.example.com/services/T0/B0/x
`;

/** The valid file with one line replaced (1-based), or a line inserted after it. */
const edit = (line: number, text: string, insert = false) => {
  const lines = VALID.split('\n');
  lines.splice(insert ? line : line - 1, insert ? 0 : 1, text);
  return lines.join('\n');
};

function problems(text: string): string[] {
  const result = parseDashboard(text, '/etc/headroom/headroom.yaml');
  if (result.ok) throw new Error('the file was accepted');
  return result.problems.map(formatProblem);
}

describe('dashboard file loader', () => {
  it('reads panels with interval sugar, rules with durations and their targets', () => {
    const result = parseDashboard(VALID, 'headroom.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { panels, alerts, sources, notifications } = result.dashboard.config;
    expect(panels.map((panel) => [panel.id, panel.expectedIntervalMs])).toEqual([
      ['gpu-util', 15_000],
      ['queue-depth', 60_000],
    ]);
    expect(alerts[0]).toMatchObject({ forMs: 300_000, clearForMs: 60_000, notify: ['oncall'] });
    expect(sources).toEqual([{ kind: 'scenario', id: 'scenario', scenario: 'launch-surge' }]);
    expect(notifications[0]?.name).toBe('oncall');
  });

  it('places a YAML syntax error at its line', () => {
    const [problem] = problems(edit(6, '    title: "GPU utilisation'));
    expect(problem).toMatch(/^headroom\.yaml:\d+:\d+ YAML: .*quote.*; fix: fix the YAML syntax/);
    expect(problems(edit(7, '   unit: percent'))[0]).toMatch(/^headroom\.yaml:7:\d+ YAML: /);
  });

  it('names an unknown field at its own line and column', () => {
    expect(problems(edit(12, '    colour: red', true))).toEqual([
      'headroom.yaml:13:5 panels[1].colour: unknown field colour; ' +
        'fix: remove it, or check its spelling against headroom.schema.json',
    ]);
  });

  it('lists the allowed values of a wrong enum', () => {
    expect(problems(edit(13, '    display: pie'))).toEqual([
      'headroom.yaml:13:14 panels[1].display: expected one of lines, heatmap; ' +
        'fix: write one of lines, heatmap',
    ]);
  });

  it('refuses a panel id used twice, at the second one', () => {
    expect(problems(edit(10, '  - id: gpu-util'))).toEqual([
      'headroom.yaml:10:9 panels[1].id: id "gpu-util" is used twice in panels; ' +
        'fix: give each entry of panels its own id',
    ]);
  });

  it('points a missing required field at the entry that lacks it', () => {
    expect(problems(edit(6, '    description: no title'))).toEqual([
      'headroom.yaml:5:5 panels[0].title: missing required field; fix: add it (string)',
    ]);
    expect(problems(edit(9, '    tags: [gpu]'))[0]).toBe(
      'headroom.yaml:5:5 panels[0].interval: a panel needs the interval its series report at; ' +
        'fix: add `interval: 15s` (the scrape or push interval of its metric)',
    );
  });

  it('refuses a rule naming a panel or a target the file does not define', () => {
    expect(problems(edit(22, '    panels: [gpu-utl]'))).toEqual([
      'headroom.yaml:22:14 alerts[0].panels[0]: panel "gpu-utl" is not defined in this file; ' +
        'fix: use one of gpu-util, queue-depth',
    ]);
    expect(problems(edit(23, '    notify: [pager]'))[0]).toMatch(
      /^headroom\.yaml:23:14 alerts\[0\]\.notify\[0\]: notification "pager" is not defined/,
    );
  });

  it('refuses an unknown source kind and a duration it cannot read', () => {
    expect(problems(edit(3, '  - kind: graphite'))[0]).toMatch(
      /^headroom\.yaml:3:11 sources\[0\]\.kind: .*scenario.*prometheus-scrape/,
    );
    expect(problems(edit(9, '    interval: soon'))).toEqual([
      'headroom.yaml:9:15 panels[0].interval: "soon" is not a duration; ' +
        'fix: write a duration such as "15s", "1m" or "1h30m"',
    ]);
  });
});
