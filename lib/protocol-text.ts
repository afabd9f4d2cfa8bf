import { z } from 'zod';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Bidirectional controls (the "Trojan Source" set) and zero-width characters: nothing visible. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2060],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];
const LINE_SEPARATORS: readonly number[] = [0x2028, 0x2029];

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
const INVISIBLE = new RegExp(
  `[${INVISIBLE_RANGES.map(([from, to]) => `\\u${hex(from)}-\\u${hex(to)}`).join('')}]`,
  'g',
);

const isInvisible = (code: number) =>
  INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);

/** C0 and C1 controls and DEL; with `lineBreaks`, tabs and line breaks count as text. */
function isControl(code: number, lineBreaks: boolean): boolean {
  if (lineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Describes the first character that plain text may not hold, for an error message. */
export function findForbiddenCharacter(text: string, lineBreaks: boolean): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isControl(code, lineBreaks)) return `control character U+${hex(code)}`;
    if (isInvisible(code)) return `invisible or text-direction character U+${hex(code)}`;
    if (!lineBreaks && LINE_SEPARATORS.includes(code)) return `line separator U+${hex(code)}`;
  }
  return undefined;
}

/** Removes bidirectional controls and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** One line of visible text; anything else is refused, naming the character. */
export const oneLineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    .superRefine((text, context) => {
      const found = findForbiddenCharacter(text, false);
      if (found)
        context.addIssue({ code: 'custom', message: `one line of plain text; found ${found}` });
    });

/**
 * Lines of plain text. Pasted text often carries invisible bidi and zero-width characters, which
 * are removed rather than refused; other control characters are refused.
 */
export const multiLineText = (max: number) =>
  z
    .string()
    .transform(stripInvisible)
    .pipe(
      z
        .string()
        .trim()
        .max(max, `at most ${max} characters`)
        .superRefine((text, context) => {
          const found = findForbiddenCharacter(text, true);
          if (found)
            context.addIssue({ code: 'custom', message: `plain text only; found ${found}` });
        }),
    );
