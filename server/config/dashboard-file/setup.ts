import type { Health, Panel } from '../../../lib/protocol';
import type { AlertRule } from '../../alerts/alert-rule';
import {
  createNotificationRouter,
  type NotificationRouter,
} from '../../alerts/notification-router';
import type { Aggregator } from '../../app';
import { DEFAULT_ALERT_RULES, DEFAULT_PANELS } from '../../dashboard';
import type { Source } from '../../sources/source';
import { applyNotifications, startDashboardFile, type DashboardFileRuntime } from './apply';
import { loadDashboardFile } from './load';
import { formatProblem } from './problems';
import { buildSource, scenarioSource, type SourceFactoryDeps } from './sources';

/** What the aggregator starts on, and how it follows the dashboard file afterwards. */
export interface DashboardSetup {
  panels: readonly Panel[];
  alertRules: readonly AlertRule[];
  sources: Source[];
  alertNotifier?: NotificationRouter;
  configStatus?: () => Health['config'];
  /** Starts following the file once the aggregator runs; returns what stops it. */
  follow(aggregator: Aggregator): () => void;
}

/**
 * Without HEADROOM_CONFIG: the built-in dashboard and scenario, exactly as before. With it: the
 * file, which must be valid to start, and is then watched.
 */
export async function prepareDashboard(deps: SourceFactoryDeps): Promise<DashboardSetup> {
  const file = deps.env.dashboardFile;
  if (file === undefined) {
    return {
      panels: DEFAULT_PANELS,
      alertRules: DEFAULT_ALERT_RULES,
      sources: deps.env.simulator ? [scenarioSource({}, deps)] : [],
      follow: () => () => undefined,
    };
  }
  const loaded = await loadDashboardFile(file);
  if (!loaded.ok) {
    throw new Error(`dashboard file refused:\n${loaded.problems.map(formatProblem).join('\n')}`);
  }
  const { config, sourceInputs } = loaded.dashboard;
  const build = (source: (typeof config.sources)[number], input: unknown) =>
    buildSource(source, input, deps);
  const running = config.sources.map((source, index) => {
    const input = sourceInputs[index];
    return { input, source: build(source, input) };
  });
  const router = createNotificationRouter(deps.logger);
  applyNotifications(loaded.dashboard, router);
  let runtime: DashboardFileRuntime | undefined;
  const loadedAt = Date.now();
  return {
    panels: config.panels,
    alertRules: config.alerts,
    sources: running.map((entry) => entry.source),
    alertNotifier: router,
    configStatus: () => runtime?.status() ?? { file, loadedAt },
    follow(aggregator) {
      runtime = startDashboardFile({
        file,
        targets: { ...aggregator, notifications: router },
        running,
        buildSource: build,
        logger: deps.logger,
      });
      const started = runtime;
      return () => {
        started.stop();
        router.stop();
      };
    },
  };
}
