import type { Logger } from 'pino';
import { AnnotationCreateSchema, type Annotation } from '../../lib/protocol';
import type { AnnotationService } from '../annotations/annotation-service';
import { createPanelEvaluation, type PanelEvaluation } from '../panels/evaluation';
import { MergedReader } from '../samples/merged-reader';
import type { SeriesReader } from '../samples/series-reader';
import { shortMessage } from '../sources/short-message';
import { describeRule, describeValue, regionTitle, type AlertRule } from './alert-rule';
import { advance, INACTIVE, type AlertState } from './alert-state';
import { RemoteRuleSteps } from './remote-rule-steps';
import {
  isRemoteRule,
  readRule,
  seriesOfTitles,
  type Reading,
  type RuleReader,
} from './rule-readings';
import type { AlertNotification } from './webhook-notifier';

export interface AlertEngineOptions {
  rules: readonly AlertRule[];
  store: SeriesReader;
  /** How rules are read, as panels of their query's kind; the memory head alone when not given. */
  evaluation?: PanelEvaluation;
  annotations: AnnotationService;
  logger: Logger;
  notifier?: { notify(event: AlertNotification): void };
  evaluateEveryMs?: number;
  stepMs?: number;
  /** At start, replay this much of the stored past, so a region dates from when it began. */
  catchUpMs?: number;
  now?: () => number;
}

export interface AlertEngine {
  evaluate(now: number): void;
  /** Swaps the rules: a removed rule's open regions are closed, an added rule adopts its own. */
  setRules(next: readonly AlertRule[]): void;
  start(): void;
  stop(): void;
}

const author = (rule: AlertRule) => `alert:${rule.id}`;
const regionOf = (state: AlertState | undefined) =>
  state && 'annotationId' in state ? state.annotationId : undefined;

/**
 * Evaluates alert rules through the panels' evaluation and draws what they find as alert regions.
 * A region starts when the condition began to hold and ends when it stopped holding.
 */
export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const { store, annotations, logger, notifier } = options;
  let rules = options.rules;
  const stepMs = options.stepMs ?? 5_000;
  const reader: RuleReader = {
    evaluation:
      options.evaluation ??
      createPanelEvaluation({ reader: new MergedReader({ memory: store }), logger }),
    memory: store,
    stepMs,
  };
  const clock = options.now ?? Date.now;
  /** Rule id → series key → state; inactive series are not kept. */
  const states = new Map<string, Map<string, AlertState>>();
  let timer: NodeJS.Timeout | undefined;
  /** Rule id → the message it last failed with, while it keeps failing. */
  const failing = new Map<string, string>();
  const remote = new RemoteRuleSteps(reader.evaluation, stepMs);
  /** Moves on at each stop, so a fetch that ends after it evaluates nothing. */
  let epoch = 0;
  /** While catching up, what fired is held back and announced once, if still firing. */
  let heldBack: AlertNotification[] | undefined;

  const statesOf = (rule: AlertRule) => {
    let ruleStates = states.get(rule.id);
    if (!ruleStates) {
      ruleStates = new Map();
      states.set(rule.id, ruleStates);
    }
    return ruleStates;
  };

  function notify(event: AlertNotification) {
    if (heldBack) {
      if (event.state === 'firing') heldBack.push(event);
      return;
    }
    try {
      notifier?.notify(event);
    } catch (error) {
      logger.error({ err: error, rule: event.rule.id }, 'alert notifier failed');
    }
  }

  function fire(rule: AlertRule, key: string, reading: Reading, start: number) {
    const input = AnnotationCreateSchema.parse({
      kind: 'alert',
      status: 'open',
      title: regionTitle(rule, reading.labels),
      description: `${describeRule(rule)} (${describeValue(reading.value)})`,
      start,
      end: null,
      panels: rule.panels,
      tags: rule.tags,
    });
    const annotation = annotations.create(input, author(rule), { ruleId: rule.id });
    statesOf(rule).set(key, { phase: 'firing', since: start, annotationId: annotation.id });
    logger.info(
      { rule: rule.id, series: key, annotation: annotation.id, start, value: reading.value },
      'alert firing',
    );
    notify({ rule, state: 'firing', annotation, value: reading.value });
  }

  function resolve(rule: AlertRule, key: string, id: string, end: number, value: number | null) {
    const current = annotations.get(id);
    if (current && current.end === null) {
      const note = `recovered: ${describeValue(value)}`;
      const changes = { status: 'resolved' as const, end: Math.max(end, current.start), note };
      const annotation = annotations.update(id, changes, author(rule));
      logger.info({ rule: rule.id, series: key, annotation: id, end, value }, 'alert resolved');
      notify({ rule, state: 'resolved', annotation, value });
    } else {
      logger.warn({ rule: rule.id, series: key, annotation: id }, 'alert region already closed');
    }
    statesOf(rule).delete(key);
  }

  function evaluateRule(rule: AlertRule, t: number) {
    const readings = readRule(rule, reader, t);
    const ruleStates = statesOf(rule);
    for (const key of new Set([...ruleStates.keys(), ...readings.keys()])) {
      const reading = readings.get(key);
      const { state, action } = advance(
        ruleStates.get(key) ?? INACTIVE,
        reading?.holds ?? false,
        reading?.value ?? null,
        t,
        rule,
      );
      if (state.phase === 'inactive') ruleStates.delete(key);
      else ruleStates.set(key, state);
      if (action.type === 'fire' && reading) fire(rule, key, reading, action.start);
      if (action.type === 'resolve')
        resolve(rule, key, action.annotationId, action.end, action.value);
    }
  }

  /** A rule that cannot be read is logged once per distinct failure, not at every step. */
  function evaluateAt(rule: AlertRule, t: number) {
    try {
      evaluateRule(rule, t);
      failing.delete(rule.id);
    } catch (error) {
      const message = shortMessage(error);
      if (failing.get(rule.id) === message) return;
      failing.set(rule.id, message);
      logger.error({ err: error, rule: rule.id, at: t }, 'alert rule failed');
    }
  }

  /** Runs a replay of the past: what fired is announced once at its end, if still firing. */
  function holdingBack(replay: () => void) {
    heldBack = [];
    try {
      replay();
    } finally {
      const fired = heldBack;
      heldBack = undefined;
      for (const event of fired) {
        if (annotations.get(event.annotation.id)?.end === null) notify(event);
      }
    }
  }

  function evaluateFetched(rule: AlertRule, now: number) {
    const { steps, catchingUp } = remote.take(rule, now);
    const run = () => steps.forEach((t) => evaluateAt(rule, t));
    if (catchingUp) holdingBack(run);
    else run();
  }

  /** A remote rule reads what its feed has fetched, and again once the fetch it starts is over. */
  function pollRemote(rule: AlertRule, now: number) {
    evaluateFetched(rule, now);
    const started = epoch;
    void remote.prepare(rule, now).then(() => {
      if (epoch === started && rules.includes(rule)) evaluateFetched(rule, clock());
    });
  }

  function evaluate(now: number) {
    const t = Math.floor(now / stepMs) * stepMs;
    for (const rule of rules) {
      if (isRemoteRule(rule)) pollRemote(rule, now);
      else evaluateAt(rule, t);
    }
  }

  /** Steps through the recent past that no region of the rule covers yet, so none is drawn twice. */
  function catchUp(now: number, spanMs: number) {
    const recent = annotations.list({ kind: ['alert'], from: now - spanMs, limit: 1_000 });
    holdingBack(() => {
      for (const rule of rules) {
        // After a closed region's end, or an open one's firing, the past is already drawn.
        const drawn = [...recent, ...annotations.openForRule(rule.id)].flatMap((a) =>
          a.ruleId !== rule.id ? [] : [a.end === null ? a.createdAt : a.end + stepMs],
        );
        const from = Math.max(now - spanMs, ...drawn);
        // A remote rule's past is replayed once its feed has fetched it.
        if (isRemoteRule(rule)) remote.startAt(rule, from);
        else
          for (let t = Math.ceil(from / stepMs) * stepMs; t < now; t += stepMs) evaluateAt(rule, t);
      }
    });
  }

  function close(rule: AlertRule, annotation: Annotation, now: number, note: string) {
    const end = Math.max(now, annotation.start);
    annotations.update(annotation.id, { status: 'resolved', end, note }, author(rule));
    logger.info({ rule: rule.id, annotation: annotation.id, end, note }, 'alert region closed');
  }

  /** Carries on the regions a previous run left open, matched to their series by title. */
  function adopt(rule: AlertRule, now: number) {
    const ruleStates = statesOf(rule);
    const seriesOf = seriesOfTitles(rule, store);
    const tracked = new Set([...ruleStates.values()].map(regionOf));
    for (const annotation of annotations.openForRule(rule.id)) {
      if (tracked.has(annotation.id)) continue;
      const key = seriesOf(annotation.title);
      if (key === undefined) {
        close(rule, annotation, now, 'closed: its series no longer exists');
      } else if (regionOf(ruleStates.get(key)) !== undefined) {
        close(rule, annotation, now, 'closed: another region is open for its series');
      } else {
        ruleStates.set(key, {
          phase: 'firing',
          since: annotation.start,
          annotationId: annotation.id,
        });
        tracked.add(annotation.id);
        logger.info(
          { rule: rule.id, series: key, annotation: annotation.id },
          'alert region adopted',
        );
      }
    }
  }

  function setRules(next: readonly AlertRule[]) {
    const kept = new Set(next.map((rule) => rule.id));
    const now = clock();
    for (const rule of rules) {
      if (kept.has(rule.id)) continue;
      states.delete(rule.id);
      remote.forget(rule.id);
      for (const annotation of annotations.openForRule(rule.id)) {
        close(rule, annotation, now, 'closed: its rule was removed');
      }
    }
    const known = new Set(rules.map((rule) => rule.id));
    rules = next;
    if (timer) for (const rule of next) if (!known.has(rule.id)) adopt(rule, now);
  }

  return {
    evaluate,
    setRules,
    start() {
      if (timer) return;
      const now = clock();
      for (const rule of rules) {
        try {
          adopt(rule, now);
        } catch (error) {
          logger.error(
            { err: error, rule: rule.id },
            'alert rule could not adopt its open regions',
          );
        }
      }
      if (options.catchUpMs) catchUp(now, options.catchUpMs);
      for (const rule of rules) if (isRemoteRule(rule)) pollRemote(rule, now);
      timer = setInterval(() => evaluate(clock()), options.evaluateEveryMs ?? 5_000);
      timer.unref();
    },
    stop() {
      epoch++;
      clearInterval(timer);
      timer = undefined;
    },
  };
}
