import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, DEFAULT_PANELS } from '../../dashboard';
import { dashboardJsonSchema, SCHEMA_FILE } from './json-schema';
import { loadDashboardFile } from './load';
import { formatProblem } from './problems';

const EXAMPLES = path.resolve('examples');
const files = readdirSync(EXAMPLES).filter((name) => /\.ya?ml$/.test(name));

async function load(name: string) {
  const result = await loadDashboardFile(path.join(EXAMPLES, name));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dashboard;
}

describe('example dashboard files', () => {
  it('has the three documented examples', () => {
    expect(files).toEqual(
      expect.arrayContaining(['launch-surge.yaml', 'dcgm-vllm.yaml', 'queues-and-product.yaml']),
    );
  });

  it.each(files)('%s validates and points editors at the schema', async (name) => {
    const dashboard = await load(name);
    expect(dashboard.config.panels.length).toBeGreaterThan(0);
    const firstLine = readFileSync(path.join(EXAMPLES, name), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../headroom.schema.json');
  });

  it('launch-surge.yaml is the built-in dashboard, rules and scenario exactly', async () => {
    const { config } = await load('launch-surge.yaml');
    expect(config.panels).toEqual(DEFAULT_PANELS);
    expect(config.alerts.map(({ notify: _notify, ...rule }) => rule)).toEqual(DEFAULT_ALERT_RULES);
    expect(config.sources).toEqual([
      { kind: 'scenario', id: 'scenario', scenario: 'launch-surge' },
    ]);
  });
});

describe('headroom.schema.json', () => {
  it('is what `npm run config:schema` writes from the zod schemas today', () => {
    const committed: unknown = JSON.parse(readFileSync(path.resolve(SCHEMA_FILE), 'utf8'));
    expect(committed, 'run `npm run config:schema`').toEqual(JSON.parse(dashboardJsonSchema()));
  });
});
