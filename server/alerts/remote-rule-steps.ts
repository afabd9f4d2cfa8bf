import type { PanelEvaluation } from '../panels/evaluation';
import { FEED_SPAN_MS } from '../panels/kinds/remote-feed';
import type { AlertRule } from './alert-rule';
import { rulePanel } from './rule-readings';

interface Pending {
  /** The first step not evaluated yet. */
  from: number;
  /** The steps up to the feed's frontier replay the past: what fires there is held back. */
  catchingUp: boolean;
}

/**
 * Which steps of a rule answered by a remote server are ready and not yet evaluated. Its feed
 * fetches in the background, so a step is evaluated once fetched (never before: a step not
 * fetched yet would read as no data and resolve what is firing) and exactly once.
 */
export class RemoteRuleSteps {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly evaluation: PanelEvaluation,
    private readonly stepMs: number,
  ) {}

  /** After a restart, the rule's first steps start at `from`, once its feed has fetched them. */
  startAt(rule: AlertRule, from: number): void {
    this.pending.set(rule.id, {
      from: Math.ceil(from / this.stepMs) * this.stepMs,
      catchingUp: true,
    });
  }

  forget(ruleId: string): void {
    this.pending.delete(ruleId);
  }

  /** Starts fetching up to now's step; never rejects. */
  prepare(rule: AlertRule, now: number): Promise<void> {
    return this.evaluation.prepare(rulePanel(rule, this.stepMs), now);
  }

  /** The fetched steps not evaluated yet, oldest first; they count as evaluated from now on. */
  take(rule: AlertRule, now: number): { steps: number[]; catchingUp: boolean } {
    const { stepMs } = this;
    const ready = this.evaluation.readyStep(rulePanel(rule, stepMs), now);
    if (ready === undefined) return { steps: [], catchingUp: false };
    const pending = this.pending.get(rule.id);
    // What the feed no longer holds would read as no data.
    const oldest = ready - Math.floor(FEED_SPAN_MS / stepMs) * stepMs + stepMs;
    const steps: number[] = [];
    for (let t = Math.max(pending?.from ?? ready, oldest); t <= ready; t += stepMs) steps.push(t);
    this.pending.set(rule.id, { from: ready + stepMs, catchingUp: false });
    return { steps, catchingUp: pending?.catchingUp ?? false };
  }
}
