const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const LEVEL_COLORS: Record<string, string> = {
  TRACE: '90',
  DEBUG: '90',
  INFO: '32',
  WARN: '33',
  ERROR: '31',
  FATAL: '35',
};
/** pino's own fields, shown in the line's prefix or not at all. */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service']);

export interface LineOptions {
  color: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

function clockTime(epochMs: unknown): string {
  const at = typeof epochMs === 'number' ? new Date(epochMs) : new Date();
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

function errorText(value: Record<string, unknown>): string {
  const type = typeof value.type === 'string' && value.type !== 'Error' ? `${value.type}: ` : '';
  return `${type}${String(value.message)}`;
}

function fieldValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value !== null && typeof value === 'object' && 'message' in value && 'stack' in value) {
    return JSON.stringify(errorText(value as Record<string, unknown>));
  }
  return JSON.stringify(value) ?? String(value);
}

/** `14:02:11 INFO  aggregator listening port=4000`: one pino JSON line as one readable line. */
export function formatLogLine(line: string, { color }: LineOptions): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line.trimEnd();
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return line.trimEnd();
  const fields = record as Record<string, unknown>;
  const level = LEVELS[Number(fields.level)] ?? String(fields.level ?? 'INFO').toUpperCase();
  const levelText = color
    ? `\u001b[${LEVEL_COLORS[level] ?? '0'}m${level.padEnd(5)}\u001b[0m`
    : level.padEnd(5);
  const service =
    typeof fields.service === 'string' ? fields.service.replace(/^headroom-/, '') : '';
  const prefix = `${clockTime(fields.time)} ${levelText} ${service ? `[${service}] ` : ''}`;
  const rest = Object.entries(fields)
    .filter(([name, value]) => !HIDDEN.has(name) && value !== undefined)
    .map(([name, value]) => `${name}=${fieldValue(value)}`);
  return `${prefix}${[String(fields.msg ?? ''), ...rest].filter(Boolean).join(' ')}`;
}
