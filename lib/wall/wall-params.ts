import { z } from 'zod';
import { parseDuration } from '../duration';

/** A wallboard is configured by its URL alone: a TV's bookmark is its whole configuration. */
export interface WallParams {
  /** Each page's panel ids in order; one page of every panel when the URL names none. */
  pages: string[][] | undefined;
  /** How long each page of a playlist stays up. */
  everyMs: number;
  rangeMs: number;
  token: string | undefined;
  cluster: string | undefined;
  /** Hours between which the screen dims, in `tz`; `from` may be after `to` (overnight). */
  dim: { from: number; to: number } | undefined;
  /** The hour of the day, in `tz`, at which the page reloads itself. */
  reloadHour: number | undefined;
  tz: string;
  /** How long a lost connection may last before the not-live band shows. */
  graceMs: number;
}

export const WALL_PARAM_FORMS = [
  ['panels', 'panels=gpu-util,queue-depth', 'panel ids in order; default every panel'],
  ['pages', 'pages=gpu-util,queue-depth|weekly-active-users', 'a playlist: pages split by "|"'],
  ['every', 'every=30s', 'how long each page shows (5s to 1h); default 30s'],
  ['range', 'range=1h', 'the window drawn (1m to 7d); default 15m'],
  ['token', 'token=…', 'a read-only (wallboard) token; removed from the address bar after load'],
  ['cluster', 'cluster=img-use1', 'the cluster drilled into'],
  ['dim', 'dim=22-07', 'dim the screen from 22:00 to 07:00'],
  ['reload', 'reload=04', 'reload the page daily at 04:00'],
  ['tz', 'tz=Europe/Paris', 'an IANA time zone for the clock and schedules; default UTC'],
  ['grace', 'grace=5s', 'a lost connection shows the not-live band after this (1s to 45s)'],
] as const;

const PANEL_ID = /^[a-z][a-z0-9-]{0,63}$/;
const HOUR = /^([01]?\d|2[0-3])$/;

const durationWithin = (name: string, minMs: number, maxMs: number) =>
  z.string().transform((text, context) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < minMs || ms > maxMs) {
      context.addIssue({
        code: 'custom',
        message: `${name}: "${text}" is not a duration in range`,
      });
      return z.NEVER;
    }
    return ms;
  });

const panelList = (name: string) =>
  z.string().transform((text, context) => {
    const ids = text.split(',').filter((id) => id !== '');
    const bad = ids.find((id) => !PANEL_ID.test(id));
    if (ids.length === 0 || bad !== undefined) {
      context.addIssue({ code: 'custom', message: `${name}: "${bad ?? text}" is not a panel id` });
      return z.NEVER;
    }
    return ids;
  });

const hour = (name: string) =>
  z.string().regex(HOUR, `${name}: an hour is 0 to 23`).transform(Number);

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const WallQuerySchema = z.strictObject(
  {
    panels: panelList('panels').optional(),
    pages: z
      .string()
      .transform((text) => text.split('|'))
      .pipe(z.array(panelList('pages')).max(20))
      .optional(),
    every: durationWithin('every', 5_000, 3_600_000).default(30_000),
    range: durationWithin('range', 60_000, 7 * 86_400_000).default(15 * 60_000),
    token: z.string().min(1).max(200).optional(),
    cluster: z.string().min(1).max(128).optional(),
    dim: z
      .string()
      .regex(/^\d{1,2}-\d{1,2}$/, 'dim: write two hours, as in 22-07')
      .transform((text) => text.split('-'))
      .pipe(z.tuple([hour('dim'), hour('dim')]))
      .optional(),
    reload: hour('reload').optional(),
    tz: z.string().refine(validTimeZone, 'tz: not a known time zone').default('UTC'),
    grace: durationWithin('grace', 1_000, 45_000).default(5_000),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : undefined) },
);

function unknownKeys(keys: readonly string[]): string {
  return `unknown parameter${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`;
}

export type WallParamsResult = { ok: true; params: WallParams } | { ok: false; problems: string[] };

/** Reads a wallboard URL's search params; anything unreadable is listed, never guessed at. */
export function parseWallParams(
  search: Readonly<Record<string, string | string[] | undefined>>,
): WallParamsResult {
  const single: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(search)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) problems.push(`${name}: given more than once`);
    else single[name] = value;
  }
  const parsed = WallQuerySchema.safeParse(single);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const query = parsed.data;
  if (query.panels && query.pages) {
    return { ok: false, problems: ['panels and pages: give one or the other'] };
  }
  return {
    ok: true,
    params: {
      pages: query.pages ?? (query.panels ? [query.panels] : undefined),
      everyMs: query.every,
      rangeMs: query.range,
      token: query.token,
      cluster: query.cluster,
      dim: query.dim && { from: query.dim[0], to: query.dim[1] },
      reloadHour: query.reload,
      tz: query.tz,
      graceMs: query.grace,
    },
  };
}

/** Panel ids the wall names that the dashboard does not have. */
export function unknownPanels(params: WallParams, known: readonly string[]): string[] {
  const ids = new Set(known);
  return [...new Set((params.pages ?? []).flat())].filter((id) => !ids.has(id));
}
