import pino, { type Logger } from 'pino';
import { z } from 'zod';
import { formatLogLine } from './log-format';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

type LogEnv = Readonly<Record<string, string | undefined>>;

const LogFormatSchema = z.enum(LOG_FORMATS).optional();

/** HEADROOM_LOG_FORMAT when set; otherwise readable lines on a terminal and JSON anywhere else. */
export function logFormat(env: LogEnv, isTty: boolean): LogFormat {
  const parsed = LogFormatSchema.safeParse(env.HEADROOM_LOG_FORMAT || undefined);
  if (!parsed.success) {
    throw new Error(
      `HEADROOM_LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}; it is "${env.HEADROOM_LOG_FORMAT}"`,
    );
  }
  return parsed.data ?? (isTty ? 'pretty' : 'json');
}

/** For the last words of a process that failed before its logger existed: JSON when in doubt. */
export function safeLogFormat(isTty: boolean): LogFormat {
  try {
    return logFormat(process.env, isTty);
  } catch {
    return 'json';
  }
}

/** pino's JSON lines, rewritten as readable ones before they reach the terminal. */
export function prettyDestination(
  out: NodeJS.WritableStream,
  color: boolean,
): pino.DestinationStream {
  return {
    write(line: string) {
      out.write(`${formatLogLine(line, { color })}\n`);
    },
  };
}

export interface LoggerOptions {
  level?: string;
  /** Shown on every line, so the launcher's and its children's lines can be told apart. */
  service: string;
  env?: LogEnv;
  out?: NodeJS.WriteStream;
}

export function createServiceLogger({
  level = 'info',
  service,
  env = process.env,
  out = process.stdout,
}: LoggerOptions): Logger {
  const options = { level, base: { service } };
  if (logFormat(env, out.isTTY === true) === 'json') {
    return out === process.stdout ? pino(options) : pino(options, out);
  }
  const color = out.isTTY === true && !env.NO_COLOR;
  return pino(options, prettyDestination(out, color));
}

export function createLogger(level: string): Logger {
  return createServiceLogger({ level, service: 'headroom-aggregator' });
}
