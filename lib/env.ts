import { z } from 'zod';

const WebEnvSchema = z.object({
  AGGREGATOR_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  AGGREGATOR_HOST: z.string().min(1).default('127.0.0.1'),
});

/** Where the web server reaches the aggregator; the browser always goes through the rewrites. */
export function aggregatorOrigin(env: Record<string, string | undefined> = process.env): string {
  const parsed = WebEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid AGGREGATOR_PORT or AGGREGATOR_HOST: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  const host =
    parsed.data.AGGREGATOR_HOST === '0.0.0.0' ? '127.0.0.1' : parsed.data.AGGREGATOR_HOST;
  return `http://${host}:${parsed.data.AGGREGATOR_PORT}`;
}
