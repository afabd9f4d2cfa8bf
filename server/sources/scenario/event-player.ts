import type { Logger } from 'pino';
import {
  AnnotationChangesSchema,
  AnnotationCreateSchema,
  type Annotation,
} from '../../../lib/protocol';
import type { AnnotationService } from '../../annotations/annotation-service';
import type { StoryClock } from './clock';
import type { Scenario, ScenarioEvent } from './scenario';

/** How far from its mapped start an existing annotation still counts as this event's. */
const SAME_START_MS = 1_000;

export interface EventPlayer {
  /** Applies every event whose wall time is at or before `wall`, in order. */
  playUntil(wall: number): void;
  /** The wall time of the next event not yet applied, if any. */
  nextAt(): number | undefined;
}

export interface EventPlayerOptions {
  scenario: Scenario;
  annotations: AnnotationService;
  clock: StoryClock;
  loop: boolean;
  /** Rounds before this one are never replayed (a restart starts one round back). */
  firstRound: number;
  logger: Logger;
}

type CreateEvent = Extract<ScenarioEvent, { action: 'create' }>;

/**
 * Turns the scenario's events into annotations. Idempotent across restarts: a create first looks
 * for the annotation it would make, and an update or end looks for its note on the timeline.
 */
export function createEventPlayer(options: EventPlayerOptions): EventPlayer {
  const { scenario, annotations, clock, logger } = options;
  const author = `scenario:${scenario.id}`;
  const ids = new Map<string, string>();
  let round = options.firstRound;
  let index = 0;

  const wallOf = (event: ScenarioEvent) => clock.wallOf(round, event.at);
  const creations = new Map(
    scenario.events.flatMap((event) => (event.action === 'create' ? [[event.key, event]] : [])),
  );

  function existing(event: CreateEvent): Annotation | undefined {
    const start = wallOf(event);
    const found = annotations.list({
      from: Math.max(0, start - SAME_START_MS),
      to: start + SAME_START_MS,
      kind: [event.kind],
      limit: 1_000,
    });
    return found.find(
      (annotation) =>
        annotation.author === author &&
        annotation.title === event.title &&
        Math.abs(annotation.start - start) <= SAME_START_MS,
    );
  }

  function annotationFor(key: string): Annotation | undefined {
    const known = ids.get(`${round}:${key}`);
    if (known) return annotations.get(known);
    const creation = creations.get(key);
    const found = creation && existing(creation);
    if (found) ids.set(`${round}:${key}`, found.id);
    return found;
  }

  function apply(event: ScenarioEvent): void {
    const at = wallOf(event);
    if (event.action === 'create') {
      const found = existing(event);
      if (found) {
        ids.set(`${round}:${event.key}`, found.id);
        return;
      }
      const input = AnnotationCreateSchema.parse({
        kind: event.kind,
        severity: event.severity,
        status: event.status,
        title: event.title,
        description: event.description,
        start: at,
        end: event.ongoing ? null : undefined,
        panels: event.panels,
        tags: event.tags,
      });
      ids.set(`${round}:${event.key}`, annotations.create(input, author).id);
      logger.info({ event: event.key, title: event.title, at }, 'scenario annotation created');
      return;
    }
    const target = annotationFor(event.key);
    if (!target) {
      logger.warn({ event: event.key }, 'scenario annotation to change is gone; step skipped');
      return;
    }
    if (target.timeline.some((entry) => entry.action === 'note' && entry.text === event.note)) {
      return;
    }
    const changes = AnnotationChangesSchema.parse({
      status: event.status,
      severity: event.action === 'update' ? event.severity : undefined,
      end: event.action === 'end' ? Math.max(at, target.start) : undefined,
      note: event.note,
    });
    annotations.update(target.id, changes, author);
    logger.info({ event: event.key, action: event.action, at }, 'scenario annotation changed');
  }

  function next(): ScenarioEvent | undefined {
    if (index >= scenario.events.length && options.loop) {
      round++;
      index = 0;
    }
    return scenario.events[index];
  }

  return {
    playUntil(wall) {
      for (let event = next(); event && wallOf(event) <= wall; event = next()) {
        try {
          apply(event);
        } catch (error) {
          logger.warn({ err: error, event: event.key }, 'scenario event could not be applied');
        }
        index++;
      }
    },
    nextAt() {
      const event = next();
      return event && wallOf(event);
    },
  };
}
