const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** Index of the quote closing the string opened at `start`, or -1 when it never closes. */
function endOfString(text: string, start: number): number {
  let at = text.indexOf('"', start + 1);
  while (at >= 0) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

/**
 * True as soon as arrays and objects nest deeper than `max`, counting brackets outside strings
 * only. One linear pass that stops early, so a hostile body costs less than parsing it would.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = endOfString(text, index);
      // An unterminated string holds no more structure; JSON.parse will refuse it.
      if (index < 0) return false;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/** Far beyond any body we accept; deeper nesting is refused before JSON.parse sees it. */
export const MAX_JSON_DEPTH = 32;

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses a request body, refusing deep nesting before the parser spends time on it. */
export function parseBoundedJson(text: string): JsonParse {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      problem: `the body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'the body is not valid JSON' };
  }
}
