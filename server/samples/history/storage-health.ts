import type { StorageHealth as StorageStatus } from '../../../lib/protocol';

export type { StorageStatus };

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** One line saying what a failed write means and what to do about it. */
export function describeWriteFailure(code: string, file: string): string {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return `the disk holding ${file} is full: free space there; ingest resumes by itself`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES')
    return `${file} cannot be written (read-only): make it writable; ingest resumes by itself`;
  if (code.startsWith('SQLITE_IOERR'))
    return `I/O error writing ${file} (${code}): check the disk; ingest resumes once writes succeed`;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return `${file} is damaged (${code}): stop Headroom, move the file aside or restore a backup`;
  return `writing ${file} failed (${code}); retrying`;
}

/** Whether the history store can write, from the outcome of its last write. */
export class StorageHealth {
  private failure: { code: string; reason: string; since: number } | undefined;

  constructor(
    private readonly file: string,
    private readonly now: () => number,
  ) {}

  get failing(): boolean {
    return this.failure !== undefined;
  }

  /** Returns the failure's code. */
  recordFailure(error: unknown): string {
    const code = codeOf(error);
    if (this.failure?.code !== code) {
      this.failure = {
        code,
        reason: describeWriteFailure(code, this.file),
        since: this.failure?.since ?? this.now(),
      };
    }
    return code;
  }

  recordSuccess(): void {
    this.failure = undefined;
  }

  status(): Pick<StorageStatus, 'state' | 'reason' | 'code' | 'since'> {
    const { failure } = this;
    if (!failure) return { state: 'ok', reason: null, code: null, since: null };
    return { state: 'failing', reason: failure.reason, code: failure.code, since: failure.since };
  }
}
