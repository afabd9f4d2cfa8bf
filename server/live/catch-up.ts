import type { Ack, SubscribeResult } from '../../lib/protocol';
import type { AggregatorMetrics } from '../metrics';
import type { PanelEvaluation } from '../panels/evaluation';
import type { CatchUpLimits } from './catch-up-limits';
import { planCatchUps, stepsLeft, type CatchUpPlan } from './catch-up-plan';
import { encodeSteps, readyStep, roomOf, type PanelStream } from './panel-stream';
import type { PointsBudget } from './points-budget';
import type { HeadroomSocket } from './socket-types';
import type { TurnTaker } from './turns';
import { whenWritable } from './write-pacing';

export interface CatchUpDeps {
  evaluation: PanelEvaluation;
  limits: CatchUpLimits;
  turns: TurnTaker;
  metrics: AggregatorMetrics;
}

export interface SubscribeJob {
  socket: HeadroomSocket;
  budget: PointsBudget;
  streams: readonly PanelStream[];
  since: Readonly<Record<string, number>>;
  ack: (result: Ack<SubscribeResult>) => void;
}

/**
 * Answers a subscribe without holding the event loop: a catch-up larger than one part goes out as
 * `samples:catchup` events in time order, one part per turn, paced by the client's reading; then,
 * in one synchronous step, the socket joins the rooms and the ack carries the rest up to the step
 * each room was last sent, with the sequence number that step got. No gap, no duplicate.
 */
export async function answerSubscribe(deps: CatchUpDeps, job: SubscribeJob): Promise<void> {
  const { socket, ack } = job;
  if (!(await affordable(deps, job))) return;
  // A remote panel's first fetch is awaited, so the catch-up it gets is already there.
  await Promise.all(job.streams.map((stream) => deps.evaluation.prepare(stream.panel, Date.now())));
  if (!socket.connected) return;
  const planned = planCatchUps({ ...deps, ...job, now: Date.now() });
  deps.metrics.catchUpPoints.inc(planned.points);
  for (const limit of planned.trimmed) deps.metrics.catchUpTrimmed.inc({ limit });
  for (let plan = nextToSend(deps, planned.plans); plan; plan = nextToSend(deps, planned.plans)) {
    if (!(await whenWritable(socket, deps.limits.stallMs))) {
      const seconds = Math.round(deps.limits.stallMs / 1000);
      const message = `catch-up abandoned: nothing was read for ${seconds} s`;
      if (socket.connected) ack({ ok: false, error: { code: 'rate_limited', message } });
      return;
    }
    await deps.turns.take();
    if (!socket.connected) return;
    sendPart(deps.evaluation, socket, plan);
  }
  await deps.turns.take();
  if (!socket.connected) return;
  const now = Date.now();
  const panels = planned.plans.map((plan) => finish(deps.evaluation, socket, plan, now));
  ack({ ok: true, data: { panels } });
}

/**
 * Waits until the socket's budget pays for a subscribe's base cost, so a client that asks again and
 * again is slowed to what the budget allows; refuses when that would take longer than a stall.
 */
async function affordable(deps: CatchUpDeps, job: SubscribeJob): Promise<boolean> {
  const { limits } = deps;
  const missing = limits.requestBasePoints - job.budget.available(Date.now());
  const waitMs = Math.ceil((Math.max(0, missing) / limits.socketPointsPerMinute) * 60_000);
  if (waitMs > limits.stallMs) {
    const message = `subscribe budget spent; try again in ${Math.ceil(waitMs / 1000)} s`;
    job.ack({ ok: false, error: { code: 'rate_limited', message } });
    return false;
  }
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  await deps.turns.take();
  return job.socket.connected;
}

function nextToSend(deps: CatchUpDeps, plans: readonly CatchUpPlan[]): CatchUpPlan | undefined {
  const now = Date.now();
  return plans.find((plan) => stepsLeft(deps.evaluation, plan, now) > plan.stepsPerChunk);
}

function sendPart(evaluation: PanelEvaluation, socket: HeadroomSocket, plan: CatchUpPlan): void {
  const { panel } = plan.stream;
  const step = panel.expectedIntervalMs;
  const to = plan.cursor + (plan.stepsPerChunk - 1) * step;
  socket.emit('samples:catchup', {
    panelId: panel.id,
    stepMs: step,
    from: plan.cursor,
    to,
    series: encodeSteps(evaluation, panel, plan.cursor, to),
  });
  plan.cursor = to + step;
}

function finish(
  evaluation: PanelEvaluation,
  socket: HeadroomSocket,
  plan: CatchUpPlan,
  now: number,
): SubscribeResult['panels'][number] {
  const { stream } = plan;
  const { panel } = stream;
  void socket.join(roomOf(panel.id));
  stream.lastStep ??= readyStep(evaluation, panel, now);
  return {
    panelId: panel.id,
    seq: stream.seq,
    newestSampleAt: evaluation.newestSampleAt(panel, now),
    catchUpFrom: plan.from,
    catchUp: encodeSteps(evaluation, panel, plan.cursor, stream.lastStep),
  };
}
