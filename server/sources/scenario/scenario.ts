import { z } from 'zod';
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, SEVERITIES } from '../../../lib/protocol';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Scenario time is ms relative to T0; the data files write it in minutes. */
export const minutes = (count: number): number => count * MINUTE_MS;

const Ms = z.number().int();
const Name = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'names look like "img-use1"');

export function hostnameOf(cluster: string, node: number): string {
  return `${cluster}-node${String(node + 1).padStart(2, '0')}`;
}

export const ClusterSchema = z.strictObject({
  name: Name,
  workload: Name,
  nodes: z.number().int().min(1).max(64),
  gpusPerNode: z.number().int().min(1).max(16),
  /** Absent: serving from the start. Else its series begin here and its capacity ramps in. */
  onlineAt: Ms.optional(),
  rampMs: Ms.min(0).default(0),
});

export const WorkloadSchema = z.strictObject({
  name: Name,
  /** Requests per second at T0 had there been no launch. */
  baseArrivals: z.number().positive(),
  /** Requests per second one GPU completes at 100 % utilisation. */
  perGpuRate: z.number().positive(),
  /** The wait of the small queue that is always there, even with spare capacity. */
  standingWaitSeconds: z.number().nonnegative(),
  /** Framebuffer held by the resident model, before activations. */
  modelMemoryMiB: z.number().positive(),
});

const WorkloadTargetSchema = z.strictObject({
  /** Multiplier on the workload's base arrivals. */
  demand: z.number().positive().optional(),
  /** Admitted requests per second at most; null lifts the limit. */
  rateLimit: z.number().positive().nullable().optional(),
});

export const PhaseSchema = z.strictObject({
  at: Ms,
  /** Targets ease in with a smoothstep over this long; unset targets carry over. */
  rampMs: Ms.min(0),
  label: z.string().min(1),
  workloads: z.record(z.string(), WorkloadTargetSchema).default({}),
  /** Signups per hour on top of the diurnal baseline. */
  signupsSurgePerHour: z.number().nonnegative().optional(),
});

export const FaultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exporter-silent'), host: z.string(), from: Ms, to: Ms }),
  z.strictObject({
    kind: z.literal('xid'),
    host: z.string(),
    gpu: z.string(),
    code: z.number().int().positive(),
    from: Ms,
    to: Ms,
  }),
]);

const Share = z.number().min(0).max(1);

export const ProductSchema = z.strictObject({
  signupsPerHour: z.number().positive(),
  /** Relative swing of signups and reactivations between the quietest and the busiest hour. */
  signupsDiurnal: Share,
  /** Lapsed users active again (back in the 7-day window) per hour at T0's hour of day. */
  reactivationsPerHour: z.number().nonnegative(),
  /** Share of weekly actives per day whose last activity leaves the 7-day window. */
  weeklyChurnPerDay: Share,
  /** Share of weekly actives per day who start paying. */
  upgradesPerDay: Share,
  /** Share of new signups who start paying on signing up. */
  signupUpgradeShare: Share,
  /** Share of paying subscribers per day who cancel. */
  subscriberChurnPerDay: Share,
  /** The counts the stocks are integrated from, forwards and backwards. */
  counts: z.strictObject({
    at: Ms,
    weeklyActiveUsers: z.number().positive(),
    payingSubscribers: z.number().positive(),
  }),
});

const Tags = z.array(z.string()).default([]);
const CreateEventSchema = z.strictObject({
  at: Ms,
  action: z.literal('create'),
  key: Name,
  kind: z.enum(ANNOTATION_KINDS),
  title: z.string().min(1),
  description: z.string().default(''),
  severity: z.enum(SEVERITIES).optional(),
  status: z.enum(ANNOTATION_STATUSES).default('open'),
  /** A region that stays open (end null) until an `end` event; else a point. */
  ongoing: z.boolean().default(false),
  tags: Tags,
  panels: Tags,
});
// The note is the step's mark on the annotation's timeline: a restart finds it and skips the step.
const UpdateEventSchema = z.strictObject({
  at: Ms,
  action: z.literal('update'),
  key: Name,
  status: z.enum(ANNOTATION_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  note: z.string().min(1),
});
const EndEventSchema = z.strictObject({
  at: Ms,
  action: z.literal('end'),
  key: Name,
  status: z.enum(ANNOTATION_STATUSES).optional(),
  note: z.string().min(1),
});
export const EventSchema = z.discriminatedUnion('action', [
  CreateEventSchema,
  UpdateEventSchema,
  EndEventSchema,
]);

const ScenarioShape = z.strictObject({
  id: Name,
  title: z.string().min(1),
  /** The story runs from `start` to `end`; a looping source replays it from `start`. */
  start: Ms,
  end: Ms,
  /** Hour of day (UTC) at T0; drives the diurnal cycles, busiest at 16:00. */
  launchHourOfDay: z.number().min(0).max(24),
  /** Relative swing of GPU demand between the quietest and the busiest hour. */
  demandDiurnal: z.number().min(0).max(1),
  clusters: z.array(ClusterSchema).min(1),
  workloads: z.array(WorkloadSchema).min(1),
  phases: z.array(PhaseSchema),
  faults: z.array(FaultSchema).default([]),
  product: ProductSchema,
  events: z.array(EventSchema).default([]),
});

export const ScenarioSchema = ScenarioShape.superRefine((scenario, context) => {
  for (const problem of problemsOf(scenario))
    context.addIssue({ code: 'custom', message: problem });
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioEvent = z.output<typeof EventSchema>;
export type ScenarioPhase = z.output<typeof PhaseSchema>;
export type ClusterSpec = z.output<typeof ClusterSchema>;
export type WorkloadSpec = z.output<typeof WorkloadSchema>;
export type Fault = z.output<typeof FaultSchema>;

/** Validates a scenario data file once, at import, so a bad one fails at start-up. */
export function defineScenario(input: ScenarioInput): Scenario {
  return ScenarioSchema.parse(input);
}

function problemsOf(scenario: z.output<typeof ScenarioShape>): string[] {
  const problems: string[] = [];
  if (scenario.start >= scenario.end) problems.push('start must be before end');
  const { counts } = scenario.product;
  if (counts.at > scenario.end) problems.push('product counts must be stated before the end');
  if (counts.payingSubscribers > counts.weeklyActiveUsers) {
    problems.push('paying subscribers cannot outnumber weekly actives');
  }
  const workloads = new Set(scenario.workloads.map((workload) => workload.name));
  if (workloads.size !== scenario.workloads.length) problems.push('workload names repeat');
  for (const cluster of scenario.clusters) {
    if (!workloads.has(cluster.workload)) problems.push(`${cluster.name}: unknown workload`);
  }
  const hosts = new Set(
    scenario.clusters.flatMap((cluster) =>
      Array.from({ length: cluster.nodes }, (_, node) => hostnameOf(cluster.name, node)),
    ),
  );
  for (const fault of scenario.faults) {
    if (!hosts.has(fault.host)) problems.push(`fault on unknown host ${fault.host}`);
  }
  const readyAt = new Map<string, number>();
  const change = (target: string, phase: ScenarioPhase) => {
    if (phase.at < (readyAt.get(target) ?? -Infinity)) {
      problems.push(`phase "${phase.label}" changes ${target} inside its previous ramp`);
    }
    readyAt.set(target, phase.at + phase.rampMs);
  };
  for (const phase of scenario.phases) {
    if (phase.signupsSurgePerHour !== undefined) change('signups', phase);
    for (const [name, target] of Object.entries(phase.workloads)) {
      if (!workloads.has(name)) problems.push(`phase "${phase.label}": unknown workload ${name}`);
      if (target.demand !== undefined) change(`${name} demand`, phase);
      if (target.rateLimit !== undefined) change(`${name} rate limit`, phase);
    }
  }
  const created = new Set<string>();
  let previousAt = -Infinity;
  for (const event of scenario.events) {
    if (event.at < previousAt) problems.push(`event ${event.key} at ${event.at} is out of order`);
    previousAt = event.at;
    if (event.action === 'create') created.add(event.key);
    else if (!created.has(event.key)) problems.push(`event ${event.key} changes nothing created`);
  }
  return problems;
}
