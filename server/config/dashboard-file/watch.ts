import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export interface FileWatch {
  stop(): void;
}

/**
 * Calls `onChange` once a burst of writes to the file settles, and on SIGHUP. The directory is
 * watched, not the file, because editors save by writing a new file and renaming it over the old.
 */
export function watchDashboardFile(
  file: string,
  onChange: (reason: 'file' | 'SIGHUP') => void,
  options: { logger: Logger; debounceMs?: number },
): FileWatch {
  const name = path.basename(file);
  const debounceMs = options.debounceMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange('file'), debounceMs);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(path.dirname(file), (_event, changedName) => {
      if (changedName === null || changedName === name) changed();
    });
    watcher.on('error', (error) => {
      options.logger.warn(
        { file, err: error },
        'dashboard file watch failed; SIGHUP still reloads',
      );
    });
  } catch (error) {
    options.logger.warn({ file, err: error }, 'cannot watch the dashboard file; SIGHUP reloads it');
  }
  const onHangUp = () => onChange('SIGHUP');
  process.on('SIGHUP', onHangUp);
  return {
    stop() {
      clearTimeout(timer);
      watcher?.close();
      process.off('SIGHUP', onHangUp);
    },
  };
}
