import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AnnotationService } from '../annotations/annotation-service';
import { AnnotationStore } from '../annotations/annotation-store';
import { openInMemoryDatabase } from '../db/open-database';
import { MemoryStore } from '../samples/memory-store';
import { createAlertEngine } from './alert-engine';
import { AlertRuleSchema, type AlertRuleInput } from './alert-rule';
import type { AlertNotification } from './webhook-notifier';
import { STEP, s, scriptedAlerts, type Script } from './testing/scripted-alerts';

const gpuRule = {
  id: 'gpu-hot',
  title: 'GPUs hot',
  query: { metric: 'util', aggregation: 'avg' },
  condition: { above: 90 },
  forMs: 30_000,
  clearForMs: 20_000,
  panels: ['gpu-util'],
} satisfies AlertRuleInput;

/** Two GPUs whose average follows `average`. */
const gpus =
  (average: (second: number) => number): Script =>
  (second) => [
    { labels: { gpu: '0' }, value: average(second) + 2 },
    { labels: { gpu: '1' }, value: average(second) - 2 },
  ];

// Above 90 from 122 s to 301 s, with a 10 s dip at 200 s; a 20 s spell at 60 s is shorter than forMs.
const hotSpell = gpus((second) => {
  if (second >= 60 && second < 80) return 95;
  if (second >= 200 && second < 210) return 85;
  return second >= 122 && second < 301 ? 97 : 50;
});

describe('createAlertEngine', () => {
  it('draws one region from when the condition began to hold to when it stopped', () => {
    const w = scriptedAlerts([gpuRule]);
    w.play('util', hotSpell, 0, 400);

    const alerts = w.alerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'alert',
      status: 'resolved',
      title: 'GPUs hot',
      description: 'avg(util) > 90 for 30s (value 97)',
      start: s(125),
      end: s(305),
      panels: ['gpu-util'],
      author: 'alert:gpu-hot',
      ruleId: 'gpu-hot',
    });
    expect(alerts[0]?.timeline.map((entry) => entry.text)).toContain('recovered: value 50');
    expect(w.notifications.map((event) => [event.state, event.value])).toEqual([
      ['firing', 97],
      ['resolved', 50],
    ]);
  });

  it('opens the region as ongoing once the condition has held for forMs', () => {
    const w = scriptedAlerts([gpuRule]);
    w.play('util', hotSpell, 0, 150);
    expect(w.alerts()).toEqual([]);
    w.play('util', hotSpell, 151, 155);
    expect(w.alerts()).toMatchObject([{ status: 'open', start: s(125), end: null }]);
  });

  it('draws nothing for a spell shorter than forMs', () => {
    const w = scriptedAlerts([gpuRule]);
    w.play('util', hotSpell, 0, 120);
    expect(w.alerts()).toEqual([]);
    expect(w.notifications).toEqual([]);
  });

  it('keeps the region whole through a dip shorter than clearForMs', () => {
    const w = scriptedAlerts([gpuRule]);
    w.play('util', hotSpell, 0, 260);
    expect(w.alerts()).toMatchObject([{ status: 'open', start: s(125), end: null }]);
  });

  it('treats a series that stops reporting as no longer holding', () => {
    const w = scriptedAlerts([gpuRule]);
    w.play('util', hotSpell, 0, 250);
    w.play('util', () => [], 251, 300);
    expect(w.alerts()).toMatchObject([{ status: 'resolved', end: s(265) }]);
    expect(w.alerts()[0]?.timeline.map((entry) => entry.text)).toContain('recovered: no data');
  });

  it('fires on a rising value compared with the value overMs earlier', () => {
    const w = scriptedAlerts([
      {
        id: 'queue-rising',
        title: 'Image queue growing',
        query: {
          metric: 'queue',
          matchers: { workload: 'image-generation' },
          aggregation: 'sum',
        },
        condition: { rising: { overMs: 10_000 } },
        forMs: 20_000,
        clearForMs: 10_000,
      },
    ]);
    // Image generation climbs from 60 s to 120 s; chat climbs throughout and must be ignored.
    const climb = (second: number) => 10 + Math.max(0, Math.min(second, 120) - 60);
    w.play(
      'queue',
      (second) => [
        { labels: { workload: 'image-generation', pod: 'a' }, value: climb(second) },
        { labels: { workload: 'image-generation', pod: 'b' }, value: climb(second) },
        { labels: { workload: 'chat', pod: 'a' }, value: second },
      ],
      0,
      200,
    );
    expect(w.alerts()).toMatchObject([
      {
        title: 'Image queue growing',
        description: 'sum(queue{workload="image-generation"}) rising over 10s for 20s (value 70)',
        status: 'resolved',
        start: s(65),
        end: s(130),
      },
    ]);
  });

  it('draws one region per series of a rule with by labels', () => {
    const w = scriptedAlerts([
      { ...gpuRule, query: { ...gpuRule.query, by: ['cluster'] }, forMs: 10_000 },
    ]);
    const hot = { a: [30, 100], b: [50, 150], c: [1_000, 1_000] } as const;
    w.play(
      'util',
      (second) =>
        Object.entries(hot).map(([cluster, [from, to]]) => ({
          labels: { cluster, gpu: '0' },
          value: second >= from && second < to ? 99 : 40,
        })),
      0,
      300,
    );
    expect(w.alerts()).toMatchObject([
      { title: 'GPUs hot {cluster="a"}', start: s(30), end: s(100), status: 'resolved' },
      { title: 'GPUs hot {cluster="b"}', start: s(50), end: s(150), status: 'resolved' },
    ]);
    expect(w.alerts()[0]?.description).toBe('avg by (cluster) (util) > 90 for 10s (value 99)');
  });

  it('carries on the region a previous run left open instead of opening another', () => {
    const w = scriptedAlerts([gpuRule]);
    w.play('util', hotSpell, 0, 180);
    const [open] = w.alerts();
    expect(open).toMatchObject({ status: 'open', end: null });

    w.restart();
    w.play('util', hotSpell, 181, 400);

    expect(w.alerts()).toEqual([
      expect.objectContaining({ id: open?.id, start: s(125), end: s(305), status: 'resolved' }),
    ]);
    expect(w.notifications.map((event) => event.state)).toEqual(['firing', 'resolved']);
  });

  it('closes at start-up a left-open region whose series no longer exists', () => {
    const w = scriptedAlerts([{ ...gpuRule, query: { ...gpuRule.query, by: ['cluster'] } }]);
    w.play('util', () => [{ labels: { cluster: 'a' }, value: 10 }], 0, 10);
    const orphan = w.annotations.create(
      {
        kind: 'alert',
        status: 'open',
        title: 'GPUs hot {cluster="gone"}',
        description: '',
        start: s(1),
        end: null,
        panels: [],
        tags: [],
      },
      'alert:gpu-hot',
      { ruleId: 'gpu-hot' },
    );

    w.restart();

    expect(w.annotations.get(orphan.id)).toMatchObject({ status: 'resolved', end: s(10) });
    expect(w.annotations.get(orphan.id)?.timeline.at(-1)?.text).toBe(
      'closed: its series no longer exists',
    );
  });

  it('logs a rule that throws and still runs the others', () => {
    class FailingStore extends MemoryStore {
      override select(metric: string, matchers: Readonly<Record<string, string>>) {
        if (metric === 'broken') throw new Error('index corrupted');
        return super.select(metric, matchers);
      }
    }
    const broken = { ...gpuRule, id: 'broken', query: { ...gpuRule.query, metric: 'broken' } };
    const store = new FailingStore({ pointsPerSeries: 5_000, maxSeries: 100 });
    const w = scriptedAlerts([broken, gpuRule], store);
    w.play('util', hotSpell, 0, 160);

    expect(w.alerts()).toMatchObject([{ ruleId: 'gpu-hot', status: 'open' }]);
    expect(w.logs).toContainEqual(
      expect.objectContaining({ level: 50, rule: 'broken', msg: 'alert rule failed' }),
    );
  });
});

describe('catching up at start', () => {
  function startWith(store: MemoryStore, annotations: AnnotationService, now: number) {
    const notifications: AlertNotification[] = [];
    const engine = createAlertEngine({
      rules: [AlertRuleSchema.parse(gpuRule)],
      store,
      annotations,
      logger: pino({ level: 'silent' }),
      notifier: { notify: (event) => notifications.push(event) },
      stepMs: STEP,
      catchUpMs: 3_600_000,
      now: () => now,
    });
    engine.start();
    engine.stop();
    return notifications;
  }

  it('dates a region already firing from when it began, and a restart draws nothing twice', () => {
    const store = new MemoryStore({ pointsPerSeries: 5_000, maxSeries: 100 });
    for (let second = 0; second <= 400; second++) {
      store.append(
        hotSpell(second).map(({ labels, value }) => ({
          metric: 'util',
          labels,
          value,
          ts: s(second),
        })),
      );
    }
    let now = s(250);
    const annotations = new AnnotationService(
      new AnnotationStore(openInMemoryDatabase()),
      () => now,
    );
    const notifications = startWith(store, annotations, now);
    expect(annotations.list({ limit: 10 })).toMatchObject([{ start: s(125), end: null }]);
    expect(notifications.map((event) => event.state)).toEqual(['firing']);

    now = s(400);
    startWith(store, annotations, now);
    now = s(401);
    startWith(store, annotations, now);
    expect(annotations.list({ limit: 10 })).toMatchObject([{ start: s(125), end: s(305) }]);
  });
});
