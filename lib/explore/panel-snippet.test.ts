import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { FilePanelSchema } from '../../server/config/dashboard-file/schema';
import { panelId, panelSnippet } from './panel-snippet';

describe('panelSnippet', () => {
  it('writes a panel entry that reads back as the same id, title, query and unit', () => {
    const expr = 'sum by (mode) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))';
    const text = panelSnippet({ expr, title: 'CPU busy: by mode', unit: 'perSecond' });
    expect(parse(text)).toEqual({
      panels: [
        {
          id: 'cpu-busy-by-mode',
          title: 'CPU busy: by mode',
          unit: 'perSecond',
          interval: '15s',
          query: { expr },
        },
      ],
    });
  });

  it('is a panel the dashboard file accepts as it is', () => {
    const text = panelSnippet({ expr: 'node_load1', title: 'Load', unit: 'count' });
    const [entry]: unknown[] = z.object({ panels: z.array(z.unknown()) }).parse(parse(text)).panels;
    expect(FilePanelSchema.parse(entry)).toMatchObject({
      id: 'load',
      query: { expr: 'node_load1' },
      expectedIntervalMs: 15_000,
    });
  });

  it('makes a valid panel id from any title', () => {
    expect(panelId('99 node_load1 {x}')).toBe('node-load1-x');
    expect(panelId('→')).toBe('explore-panel');
    expect(panelId('a'.repeat(80))).toHaveLength(48);
  });
});
