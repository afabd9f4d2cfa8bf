import { describe, expect, it } from 'vitest';
import { AnnotationCreateSchema, TokenCreateSchema } from './protocol';
import { findForbiddenCharacter, multiLineText, oneLineText } from './protocol-text';

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

const BIDI_CONTROLS = [0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const ZERO_WIDTH = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
const CONTROLS = [0x00, 0x07, 0x1b, 0x7f, 0x80, 0x85, 0x9f];

describe('one-line text', () => {
  const title = oneLineText(200);

  it.each([...BIDI_CONTROLS, ...ZERO_WIDTH, ...CONTROLS, 0x0a, 0x2028, 0x2029].map(hex))(
    'refuses %s, naming it',
    (name) => {
      const char = String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      const result = title.safeParse(`Deploy${char}ed fix`);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(name);
    },
  );

  it('keeps ordinary text in any script', () => {
    for (const text of ['GPU queue at 98 %', 'שרת ראשי נפל', 'Überlast – 東京', 'deploy 🚀']) {
      expect(title.parse(text)).toBe(text);
    }
  });
});

describe('multi-line text', () => {
  const description = multiLineText(4_000);

  it('removes bidi controls and zero-width characters, keeping what is visible', () => {
    const pasted = [...BIDI_CONTROLS, ...ZERO_WIDTH].map((code) => String.fromCodePoint(code));
    expect(description.parse(`line one${pasted.join('')}\nline two`)).toBe('line one\nline two');
  });

  it('keeps line breaks and tabs, and refuses other controls, naming them', () => {
    expect(description.parse('a\n\tb\r\nc')).toBe('a\n\tb\r\nc');
    const result = description.safeParse('a\u0085b');
    expect(result.error?.issues[0]?.message).toContain('U+0085');
  });
});

describe('schemas that take people’s text', () => {
  it('refuses a right-to-left override in an annotation title', () => {
    const result = AnnotationCreateSchema.safeParse({
      kind: 'change',
      title: 'Rollback \u202Egnp.exe',
      start: 1,
    });
    expect(result.error?.issues.map((issue) => issue.message).join()).toContain('U+202E');
  });

  it('refuses a zero-width space in a token name, naming it', () => {
    const result = TokenCreateSchema.safeParse({ name: 'ci\u200Bbot', role: 'ingest' });
    expect(result.error?.issues[0]?.message).toContain('U+200B');
  });

  it('finds nothing wrong in plain text', () => {
    expect(findForbiddenCharacter('plain', false)).toBeUndefined();
  });
});
