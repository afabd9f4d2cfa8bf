import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeZodError } from '../../../lib/zod-issues';
import { TargetGroupSchema, type ScrapeConfig, type TargetGroup } from './config';

const FileSchema = z.array(TargetGroupSchema);
// Editors write a file in several steps; one read after they settle.
const SETTLE_MS = 50;

interface FileState {
  groups: TargetGroup[];
  error?: string;
}

/**
 * Static target groups plus those of file_sd files, re-read when a file changes (a watch on its
 * folder, so a file replaced by rename is seen) and every refresh_interval. A file that cannot be
 * read or fails validation keeps its last good targets, as in Prometheus.
 */
export class TargetDiscovery {
  private readonly files = new Map<string, FileState>();
  private readonly watchers: FSWatcher[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private published = '';
  private stopped = false;

  constructor(
    private readonly config: ScrapeConfig,
    private readonly logger: Logger,
    private readonly onChange: (groups: TargetGroup[]) => void,
  ) {}

  async start(): Promise<void> {
    for (const sd of this.config.file_sd_configs) {
      const files = sd.files.map((file) => path.resolve(file));
      await Promise.all(files.map((file) => this.read(file)));
      for (const file of files) this.watchFile(file);
      const timer = setInterval(() => {
        for (const file of files) void this.read(file).then(() => this.publish());
      }, sd.refresh_interval);
      this.timers.push(timer);
    }
    this.publish();
  }

  stop(): void {
    this.stopped = true;
    for (const watcher of this.watchers) watcher.close();
    for (const timer of [...this.timers, ...this.pending.values()]) clearTimeout(timer);
  }

  /** The newest problem with a file_sd file still failing, if any. */
  lastError(): string | undefined {
    return [...this.files.values()].find((state) => state.error !== undefined)?.error;
  }

  private watchFile(file: string): void {
    try {
      const watcher = watch(path.dirname(file), (_event, name) => {
        if (name === null || name === path.basename(file)) this.schedule(file);
      });
      watcher.on('error', () => watcher.close());
      this.watchers.push(watcher);
    } catch (error) {
      this.logger.warn(
        { file, err: error },
        'file_sd folder cannot be watched; re-read on refresh_interval only',
      );
    }
  }

  private schedule(file: string): void {
    clearTimeout(this.pending.get(file));
    const timer = setTimeout(() => {
      this.pending.delete(file);
      void this.read(file).then(() => this.publish());
    }, SETTLE_MS);
    this.pending.set(file, timer);
  }

  private async read(file: string): Promise<void> {
    const previous = this.files.get(file);
    try {
      const text = await readFile(file, 'utf8');
      const raw: unknown = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
      const parsed = FileSchema.safeParse(raw);
      if (!parsed.success) throw new Error(describeZodError(parsed.error));
      const groups = parsed.data.map((group) => ({
        targets: group.targets,
        labels: { ...group.labels, __meta_filepath: file },
      }));
      if (previous?.error) this.logger.info({ file }, 'file_sd file readable again');
      this.files.set(file, { groups });
    } catch (error) {
      const message = `file_sd ${file}: ${error instanceof Error ? error.message : String(error)}`;
      if (previous?.error !== message)
        this.logger.warn(
          { file, error: message },
          'file_sd file refused; its last good targets stay',
        );
      this.files.set(file, { groups: previous?.groups ?? [], error: message });
    }
  }

  private publish(): void {
    if (this.stopped) return;
    const groups = [
      ...this.config.static_configs,
      ...[...this.files.values()].flatMap((state) => state.groups),
    ];
    const key = JSON.stringify(groups);
    if (key === this.published) return;
    this.published = key;
    this.onChange(groups);
  }
}
