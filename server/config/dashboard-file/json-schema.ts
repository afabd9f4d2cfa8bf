import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DashboardFileSchema } from './schema';

export const SCHEMA_FILE = 'headroom.schema.json';

/** The dashboard file's JSON Schema, as editors read it: what may be written, not what it becomes. */
export function dashboardJsonSchema(): string {
  const schema = z.toJSONSchema(DashboardFileSchema, { io: 'input', unrepresentable: 'any' });
  const titled = {
    ...schema,
    title: 'Headroom dashboard file (headroom.yaml)',
    description:
      'Sources, panels, alert rules and notification targets. Run `npm run config:schema` to regenerate.',
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}

// `npm run config:schema` writes it at the repository root.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const target = path.resolve(SCHEMA_FILE);
  writeFileSync(target, dashboardJsonSchema());
  process.stdout.write(`wrote ${target}\n`);
}
