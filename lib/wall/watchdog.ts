import { dailyReloadDue } from './schedule';

export const WATCHDOG_CHECK_MS = 5_000;
/** A render loop that has not drawn a frame for this long is stuck: reload. */
export const FRAME_STALL_MS = 30_000;
export const VERSION_CHECK_MS = 60_000;

export type ReloadReason = 'render-stalled' | 'new-version' | 'daily';

export interface WatchdogDeps {
  requestFrame: (callback: () => void) => void;
  now: () => number;
  visible: () => boolean;
  /** The aggregator's version now; undefined when it could not be asked. */
  fetchVersion: () => Promise<string | undefined>;
  reload: (reason: ReloadReason) => void;
  reloadHour: number | undefined;
  tz: string;
}

/**
 * Keeps an unattended wall healthy: one animation frame is asked for per check, and a frame still
 * not drawn long after (while the page is visible) means the render loop stalled; a changed server
 * version or the daily reload hour also reload the page.
 */
export function startWatchdog(deps: WatchdogDeps): () => void {
  const loadedAt = deps.now();
  let lastFrame = loadedAt;
  let framePending = false;
  let knownVersion: string | undefined;
  let lastVersionCheck = -Infinity;
  let reloading = false;

  const reload = (reason: ReloadReason) => {
    if (reloading) return;
    reloading = true;
    deps.reload(reason);
  };

  const checkVersion = async () => {
    const version = await deps.fetchVersion().catch(() => undefined);
    if (version === undefined) return;
    knownVersion ??= version;
    if (version !== knownVersion) reload('new-version');
  };

  const check = () => {
    const now = deps.now();
    if (!deps.visible()) lastFrame = now;
    else if (framePending && now - lastFrame > FRAME_STALL_MS) return reload('render-stalled');
    if (!framePending) {
      framePending = true;
      deps.requestFrame(() => {
        framePending = false;
        lastFrame = deps.now();
      });
    }
    if (dailyReloadDue(deps.reloadHour, deps.tz, loadedAt, now)) return reload('daily');
    if (now - lastVersionCheck >= VERSION_CHECK_MS) {
      lastVersionCheck = now;
      void checkVersion();
    }
  };

  check();
  const timer = setInterval(check, WATCHDOG_CHECK_MS);
  return () => clearInterval(timer);
}
