import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UnitSchema } from './names';

describe('UnitSchema', () => {
  it('accepts every named unit and ISO 4217 currencies', () => {
    for (const unit of ['percent', 'bytes', 'mebibytes', 'watts', 'celsius', 'seconds'])
      expect(UnitSchema.parse(unit)).toBe(unit);
    expect(UnitSchema.parse('currency:EUR')).toBe('currency:EUR');
    expect(UnitSchema.parse('currency:JPY')).toBe('currency:JPY');
  });

  it('refuses unknown names and malformed or unknown currencies, naming the fix', () => {
    for (const bad of ['Bytes', 'ms', '', 'currency:', 'currency:usd', 'currency:EURO']) {
      const result = UnitSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('currency:USD');
    }
    const unknown = UnitSchema.safeParse('currency:XQQ');
    expect(unknown.error?.issues[0]?.message).toContain('unknown currency in "currency:XQQ"');
  });

  it('turns into a JSON Schema an editor can complete', () => {
    const schema = JSON.stringify(z.toJSONSchema(UnitSchema));
    expect(schema).toContain('"mebibytes"');
    expect(schema).toContain('^currency:[A-Z]{3}$');
  });
});
