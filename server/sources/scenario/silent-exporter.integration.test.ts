import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelDataSchema } from '../../../lib/protocol';
import { AnnotationService } from '../../annotations/annotation-service';
import { AnnotationStore } from '../../annotations/annotation-store';
import { DEFAULT_PANELS } from '../../dashboard';
import { HistoryStore } from '../../samples/history/history-store';
import { makeTempDir, removeTempDir } from '../../samples/history/testing/fixtures';
import { startAggregator, type RunningAggregator } from '../../testing/harness';
import { LAUNCH_SURGE, createScenarioSource, minutes } from './index';

const SILENT_NODE = 'img-usw2-node05';
let running: RunningAggregator | undefined;
const dir = makeTempDir();
afterEach(async () => {
  await running?.close();
  running = undefined;
  removeTempDir(dir);
});

describe('the silent exporter in the launch-surge story', () => {
  it('leaves gaps in /api/query for its GPUs only, never zeros', async () => {
    const logger = pino({ level: 'silent' });
    const history = HistoryStore.open({ dataDir: dir, logger });
    const annotations = new AnnotationService(new AnnotationStore(history.database));
    // Now is +76 min: the node went quiet at +70 and came back at +75.
    running = await startAggregator({
      panels: DEFAULT_PANELS,
      history,
      annotations,
      sources: [
        createScenarioSource({
          scenario: LAUNCH_SURGE,
          seed: 7,
          startAt: minutes(76),
          historyDays: 0,
          signals: ['gpu'],
          annotations,
          history,
          logger,
        }),
      ],
    });
    const now = Date.now();
    const response = await fetch(
      `${running.baseUrl}/api/query?panel=gpu-heatmap&from=${now - minutes(10)}&to=${now}&points=5000`,
    );
    const { series } = PanelDataSchema.parse(await response.json());
    const silentWindow = (ts: number) => ts > now - minutes(5.8) && ts < now - minutes(1.2);
    const silent = series.filter((s) => s.labels.Hostname === SILENT_NODE);
    const others = series.filter((s) => s.labels.Hostname !== SILENT_NODE);
    expect(silent).toHaveLength(8);
    expect(others.length).toBeGreaterThanOrEqual(248);
    for (const gpu of silent) {
      expect(gpu.points.filter(([ts]) => silentWindow(ts))).toEqual([]);
      expect(gpu.points.length).toBeGreaterThan(50);
      expect(gpu.points.every(([, value]) => value !== 0)).toBe(true);
    }
    for (const gpu of others) expect(gpu.points.some(([ts]) => silentWindow(ts))).toBe(true);
  });
});
