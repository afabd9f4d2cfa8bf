import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AnnotationService } from '../annotations/annotation-service';
import { AnnotationStore } from '../annotations/annotation-store';
import { openInMemoryDatabase } from '../db/open-database';
import { MemoryStore } from '../samples/memory-store';
import { createAlertEngine } from './alert-engine';
import { AlertRuleSchema } from './alert-rule';

const T0 = 1_700_000_000_000;
const rule = (id: string, above: number) =>
  AlertRuleSchema.parse({
    id,
    title: `util above ${above}`,
    query: { metric: 'util', aggregation: 'avg' },
    condition: { above },
    forMs: 0,
  });

function world() {
  let now = T0;
  const store = new MemoryStore({ pointsPerSeries: 1_000, maxSeries: 10 });
  const annotations = new AnnotationService(new AnnotationStore(openInMemoryDatabase()), () => now);
  const engine = createAlertEngine({
    rules: [rule('hot', 90)],
    store,
    annotations,
    logger: pino({ level: 'silent' }),
    stepMs: 5_000,
    now: () => now,
  });
  const at = (second: number, value: number) => {
    now = T0 + second * 1_000;
    store.append([{ metric: 'util', labels: {}, ts: now, value }]);
    engine.evaluate(now);
  };
  const open = () =>
    annotations
      .list({ kind: ['alert'], limit: 10 })
      .filter((a) => a.end === null)
      .map((a) => a.ruleId);
  return { engine, at, open, annotations };
}

describe('alert rules replaced while running (dashboard file reload)', () => {
  it('closes the regions of a removed rule and evaluates an added one', () => {
    const w = world();
    w.engine.start();
    w.at(5, 95);
    expect(w.open()).toEqual(['hot']);

    w.engine.setRules([rule('very-hot', 93)]);
    expect(w.open()).toEqual([]);
    const closed = w.annotations.list({ kind: ['alert'], limit: 10 })[0];
    expect(closed?.timeline.map((entry) => entry.text)).toContain('closed: its rule was removed');

    w.at(10, 95);
    expect(w.open()).toEqual(['very-hot']);
    w.engine.stop();
  });

  it('keeps the region of a rule that stays', () => {
    const w = world();
    w.engine.start();
    w.at(5, 95);
    const before = w.annotations.list({ kind: ['alert'], limit: 10 }).map((a) => a.id);
    w.engine.setRules([rule('hot', 90), rule('other', 99)]);
    w.at(10, 95);
    expect(w.annotations.list({ kind: ['alert'], limit: 10 }).map((a) => a.id)).toEqual(before);
    expect(w.open()).toEqual(['hot']);
    w.engine.stop();
  });
});
