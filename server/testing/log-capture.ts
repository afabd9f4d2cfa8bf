import pino, { type Logger } from 'pino';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLogs {
  logger: Logger;
  lines: LogLine[];
  /** Resolves with the next line whose message is `msg`. */
  next(msg: string): Promise<LogLine>;
}

/** A real pino logger whose lines land in an array, so a test can count and await what is logged. */
export function captureLogs(level = 'info'): CapturedLogs {
  const lines: LogLine[] = [];
  const waiters: { msg: string; resolve: (line: LogLine) => void }[] = [];
  const destination = {
    write(text: string) {
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.msg === line.msg)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    },
  };
  return {
    logger: pino({ level }, destination),
    lines,
    next: (msg) => new Promise((resolve) => waiters.push({ msg, resolve })),
  };
}
