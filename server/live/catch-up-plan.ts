import { stepRange } from '../query/evaluate-panel';
import type { PanelEvaluation } from '../panels/evaluation';
import { MAX_CATCH_UP_MS, type CatchUpLimits } from './catch-up-limits';
import { upperStep, type PanelStream } from './panel-stream';
import type { PointsBudget } from './points-budget';

/** One panel's catch-up in a subscribe answer. */
export interface CatchUpPlan {
  stream: PanelStream;
  /** First timestamp the catch-up covers, as the ack reports it. */
  from: number;
  /** First step not sent yet. */
  cursor: number;
  stepsPerChunk: number;
}

export type TrimLimit = 'request' | 'socket';

export interface PlanInput {
  evaluation: PanelEvaluation;
  limits: CatchUpLimits;
  budget: PointsBudget;
  streams: readonly PanelStream[];
  since: Readonly<Record<string, number>>;
  now: number;
}

/**
 * What each panel's catch-up covers: from the client's newest point, at most an hour back, and at
 * most what the request's and the socket's point budgets pay for, newest steps first.
 */
export function planCatchUps(input: PlanInput): {
  plans: CatchUpPlan[];
  points: number;
  trimmed: TrimLimit[];
} {
  const { evaluation, limits, budget, now } = input;
  const plans: CatchUpPlan[] = [];
  const trimmed: TrimLimit[] = [];
  let points = 0;
  for (const stream of input.streams) {
    const { panel } = stream;
    const step = panel.expectedIntervalMs;
    const upper = upperStep(evaluation, stream, now);
    const wanted = Math.max(input.since[panel.id] ?? now, upper - MAX_CATCH_UP_MS) + 1;
    const series = Math.max(1, evaluation.seriesEstimate(panel));
    const steps = stepRange(wanted, upper, step).count;
    const requestLeft = limits.maxPointsPerRequest - points;
    const socketLeft = budget.available(now);
    const allowed = Math.min(steps, Math.floor(Math.min(requestLeft, socketLeft) / series));
    if (allowed < steps) trimmed.push(requestLeft <= socketLeft ? 'request' : 'socket');
    const from = allowed === steps ? wanted : upper - allowed * step + 1;
    budget.spend(allowed * series);
    points += allowed * series;
    plans.push({
      stream,
      from,
      cursor: Math.ceil(from / step) * step,
      stepsPerChunk: Math.max(1, Math.floor(limits.chunkPoints / series)),
    });
  }
  budget.spend(Math.max(0, limits.requestBasePoints - points));
  return { plans, points, trimmed };
}

/** Steps between a plan's cursor and what the room has been sent so far. */
export function stepsLeft(evaluation: PanelEvaluation, plan: CatchUpPlan, now: number): number {
  const { stream } = plan;
  return stepRange(plan.cursor, upperStep(evaluation, stream, now), stream.panel.expectedIntervalMs)
    .count;
}
