const UNIT_MS: Readonly<Record<string, number>> = {
  y: 365 * 86_400_000,
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
};

const DURATION = /^(?:\d+(?:y|w|d|h|ms|m|s))+$/;
const DURATION_PART = /(\d+)(y|w|d|h|ms|m|s)/g;

/** `1h30m` as milliseconds, or undefined when the text is not a duration. */
export function parseDurationMs(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(DURATION_PART)) {
    total += Number(amount) * (UNIT_MS[unit ?? ''] ?? NaN);
  }
  return total;
}

/** A PromQL number: decimal, hexadecimal, Inf, NaN, or a duration read as seconds. */
export function parseNumber(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (lower === 'nan') return NaN;
  const duration = parseDurationMs(text);
  if (duration !== undefined) return duration / 1000;
  const cleaned = text.replaceAll('_', '');
  if (/^0x[0-9a-f]+$/i.test(cleaned)) return Number.parseInt(cleaned.slice(2), 16);
  const value = Number(cleaned);
  return cleaned.trim() === '' || Number.isNaN(value) ? undefined : value;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

const ESCAPE =
  /\\(?:([abfnrtv\\"'])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))|\\/g;

function decodeEscape(groups: (string | undefined)[]): string | undefined {
  const [simple, hex, u4, u8, octal] = groups;
  if (simple !== undefined) return SIMPLE_ESCAPES[simple];
  const digits = hex ?? u4 ?? u8;
  const code = digits !== undefined ? Number.parseInt(digits, 16) : Number.parseInt(octal ?? '', 8);
  if (Number.isNaN(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/** A quoted string's value, Go-style escapes decoded; undefined when it is not well formed. */
export function unquote(literal: string): string | undefined {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  if (quote !== '"' && quote !== "'") return undefined;
  let invalid = false;
  const decoded = body.replace(ESCAPE, (...match: unknown[]) => {
    const groups = match
      .slice(1, 6)
      .map((group) => (typeof group === 'string' ? group : undefined));
    const value = decodeEscape(groups);
    if (value === undefined) invalid = true;
    return value ?? '';
  });
  return invalid ? undefined : decoded;
}
