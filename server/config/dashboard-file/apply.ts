import { isDeepStrictEqual } from 'node:util';
import type { Logger } from 'pino';
import type { Health } from '../../../lib/protocol';
import type { AlertEngine } from '../../alerts/alert-engine';
import type { NotificationRouter } from '../../alerts/notification-router';
import type { PanelCatalog } from '../../panels/catalog';
import type { SourceRegistry } from '../../sources/registry';
import type { Source } from '../../sources/source';
import { loadDashboardFile, type LoadedDashboard } from './load';
import { formatProblem } from './problems';
import type { SourceConfig } from './schema';
import { watchDashboardFile, type FileWatch } from './watch';

/** What a dashboard file changes in a running aggregator. */
export interface DashboardTargets {
  panels: PanelCatalog;
  alerts: Pick<AlertEngine, 'setRules'>;
  sources: Pick<SourceRegistry, 'replace'>;
  notifications: NotificationRouter;
}

export interface RunningSource {
  input: unknown;
  source: Source;
}

export interface DashboardFileOptions {
  file: string;
  targets: DashboardTargets;
  /** The sources already running from the first load, in file order. */
  running: RunningSource[];
  buildSource: (config: SourceConfig, input: unknown) => Source;
  logger: Logger;
  debounceMs?: number;
  now?: () => number;
}

export interface DashboardFileRuntime {
  status(): NonNullable<Health['config']>;
  /** Loads the file again; resolves once it is applied or refused. */
  reload(): Promise<boolean>;
  stop(): void;
}

/** Panels, rules and targets from a loaded file, applied to what the aggregator runs now. */
export function applyNotifications(dashboard: LoadedDashboard, router: NotificationRouter): void {
  const routes = new Map(dashboard.config.alerts.map((rule) => [rule.id, rule.notify]));
  router.configure(dashboard.config.notifications, routes);
}

/** Replaces panels, rules, targets and changed sources; returns the sources now running. */
async function applyDashboard(
  dashboard: LoadedDashboard,
  running: readonly RunningSource[],
  options: Pick<DashboardFileOptions, 'targets' | 'buildSource' | 'logger' | 'file'>,
): Promise<RunningSource[]> {
  const { config, sourceInputs } = dashboard;
  const { targets } = options;
  const next = config.sources.map((source, index): RunningSource => {
    const input = sourceInputs[index];
    const same = running.find(
      (current) => current.source.id === source.id && isDeepStrictEqual(current.input, input),
    );
    return same ?? { input, source: options.buildSource(source, input) };
  });
  const change = targets.panels.replace(config.panels);
  targets.alerts.setRules(config.alerts);
  applyNotifications(dashboard, targets.notifications);
  await targets.sources.replace(next.map((entry) => entry.source));
  const kept = next.filter((entry) => running.includes(entry)).length;
  options.logger.info(
    {
      file: options.file,
      panels: config.panels.length,
      ...change,
      rules: config.alerts.length,
      kept,
    },
    'dashboard file applied',
  );
  return next;
}

/** Watches the dashboard file and applies each valid edit; an invalid one leaves all running. */
export function startDashboardFile(options: DashboardFileOptions): DashboardFileRuntime {
  const { file, logger } = options;
  const now = options.now ?? Date.now;
  let running = options.running;
  let loadedAt: number | null = now();
  let error: string | undefined;
  let queue: Promise<boolean> = Promise.resolve(true);

  async function reload(): Promise<boolean> {
    const result = await loadDashboardFile(file);
    if (!result.ok) {
      error = result.problems.map(formatProblem).join('\n');
      const [first] = result.problems;
      logger.error(
        { ...first, file, problems: result.problems.length },
        'dashboard file refused; the running config stays',
      );
      return false;
    }
    try {
      running = await applyDashboard(result.dashboard, running, options);
    } catch (failure) {
      error = `${file}: could not be applied: ${(failure as Error).message}`;
      logger.error({ file, err: failure }, 'dashboard file could not be applied');
      return false;
    }
    loadedAt = now();
    error = undefined;
    return true;
  }

  // One reload at a time, in order, so two quick saves never interleave.
  const queued = () => (queue = queue.then(reload, reload));
  const watch: FileWatch = watchDashboardFile(file, () => void queued(), {
    logger,
    debounceMs: options.debounceMs,
  });

  return {
    status: () => (error === undefined ? { file, loadedAt } : { file, loadedAt, error }),
    reload: queued,
    stop: () => watch.stop(),
  };
}
