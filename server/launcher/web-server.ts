import { z } from 'zod';

const WebServerEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HEADROOM_WEB_HOST: z.string().min(1).optional(),
  HOST: z.string().min(1).optional(),
});

export interface WebServerAddress {
  host: string;
  port: number;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACKS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** Loopback unless HEADROOM_WEB_HOST (or HOST) says otherwise, like the aggregator. */
export function webServerAddress(
  env: Readonly<Record<string, string | undefined>>,
): WebServerAddress {
  const parsed = WebServerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid web server address: ${problems.join('; ')}`);
  }
  const { PORT, HEADROOM_WEB_HOST, HOST } = parsed.data;
  return { host: HEADROOM_WEB_HOST ?? HOST ?? '127.0.0.1', port: PORT };
}

export function nextStartArgs({ host, port }: WebServerAddress): string[] {
  return ['start', '--hostname', host, '--port', String(port)];
}

const urlHost = (host: string) =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

/** Where this machine reaches the web server: a wildcard bind answers on loopback too. */
export function probeUrl({ host, port }: WebServerAddress): string {
  return `http://${WILDCARDS.has(host) ? '127.0.0.1' : urlHost(host)}:${port}`;
}

/** The address to print for people to open. */
export function publicUrl({ host, port }: WebServerAddress): string {
  return LOOPBACKS.has(host) || WILDCARDS.has(host)
    ? `http://localhost:${port}`
    : `http://${urlHost(host)}:${port}`;
}
