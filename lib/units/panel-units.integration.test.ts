import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { startAggregator, TEST_PANELS, type RunningAggregator } from '../../server/testing/harness';
import { DCGM, readFixture } from '../../server/testing/prometheus-fixtures';
import { fetchPanelData, fetchPanels } from '../aggregator-api';
import { PanelSchema, type Panel } from '../protocol';
import { latestValue } from '../series/panel-data';
import { formatValue } from './index';

// Panels as a dashboard file declares them: the unit is a word in the file, not code.
const PANELS_YAML = `
- id: gpu-memory-total
  title: GPU memory
  unit: mebibytes
  query: { metric: DCGM_FI_DEV_FB_TOTAL, aggregation: max }
  expectedIntervalMs: 15000
- id: gpu-power
  title: GPU power
  unit: watts
  query: { metric: DCGM_FI_DEV_POWER_USAGE, aggregation: max }
  expectedIntervalMs: 15000
- id: gpu-temperature
  title: GPU temperature
  unit: celsius
  query: { metric: DCGM_FI_DEV_GPU_TEMP, aggregation: max }
  expectedIntervalMs: 15000
  thresholds: { critical: 85 }
- id: gpu-revenue
  title: GPU revenue
  unit: currency:EUR
  query: { metric: gpu_revenue_eur, aggregation: sum }
  expectedIntervalMs: 15000
`;

const PanelsFileSchema = z.array(PanelSchema);
const fromFile: Panel[] = PanelsFileSchema.parse(parse(PANELS_YAML));

let running: RunningAggregator;

beforeAll(async () => {
  running = await startAggregator({ panels: [...TEST_PANELS, ...fromFile] });
  const exposition = `${readFixture(DCGM)}\ngpu_revenue_eur 12345678\n`;
  const response = await fetch(`${running.baseUrl}/api/ingest/prometheus`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: exposition,
  });
  expect(response.status).toBe(202);
});
afterAll(() => running.close());

async function latestShown(panel: Panel): Promise<string> {
  // The step grid's next point after the sample is up to one interval ahead.
  const to = Date.now() + panel.expectedIntervalMs;
  const data = await fetchPanelData(running.baseUrl, panel, to - 5 * 60_000, to);
  const [series] = data.series;
  const value = series && latestValue(series);
  return value === undefined ? '—' : formatValue(value, panel.unit);
}

describe('units from a dashboard file', () => {
  it('reach the browser through the aggregator and format real DCGM readings', async () => {
    const panels = await fetchPanels(running.baseUrl);
    const byId = new Map(panels.map((panel) => [panel.id, panel]));
    expect(byId.get('gpu-power')?.unit).toBe('watts');
    expect(byId.get('gpu-revenue')?.unit).toBe('currency:EUR');
    const shown: Record<string, string> = {};
    for (const panel of fromFile) {
      const served = byId.get(panel.id);
      if (served) shown[panel.id] = await latestShown(served);
    }
    // The fixture's Tesla T4: 15109 MiB of memory, 8.969 W, 25 °C.
    expect(shown).toEqual({
      'gpu-memory-total': '14.8 GiB',
      'gpu-power': '8.97 W',
      'gpu-temperature': '25 °C',
      'gpu-revenue': '€12.3M',
    });
  });

  it('refuses a file with an unknown unit, naming the units it knows', () => {
    const broken = PANELS_YAML.replace('unit: watts', 'unit: Watt');
    const result = PanelsFileSchema.safeParse(parse(broken));
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual([1, 'unit']);
    expect(issue?.message).toContain('watts');
    expect(issue?.message).toContain('currency:USD');
  });
});
