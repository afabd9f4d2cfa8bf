import { z } from 'zod';

/**
 * Which `Host` names a server answers to. A DNS-rebinding page reaches a local server under the
 * attacker's own name, so names are checked; IP literals and `localhost` cannot be rebound and
 * always pass.
 */
export type HostCheck = (hostHeader: string | undefined) => boolean;

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^\s:/?#@[\]\\]+)(?::\d{1,5})?$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const HOST_NAME =
  /^(\*|\[[0-9a-f:.]+\]|[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*)$/;

/** The lower-cased name of a `Host` value without its port, or undefined when it is malformed. */
export function hostnameOf(hostHeader: string): string | undefined {
  const name = HOST_HEADER.exec(hostHeader.trim())?.[1];
  return name?.toLowerCase().replace(/\.$/, '');
}

function alwaysAllowed(name: string): boolean {
  return (
    name.startsWith('[') || IPV4.test(name) || name === 'localhost' || name.endsWith('.localhost')
  );
}

/** `HEADROOM_ALLOWED_HOSTS`: comma-separated names (no scheme, no port); `*` allows any. */
export const AllowedHostsSchema = z
  .string()
  .optional()
  .transform((list) =>
    (list ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().regex(HOST_NAME, {
        message: 'host names look like headroom.example.com (no scheme, no port), or *',
      }),
    ),
  );

/** Names from the allow-list and from the allowed browser origins, plus what always passes. */
export function createHostCheck(
  allowedHosts: readonly string[],
  allowedOrigins: readonly string[],
): HostCheck {
  const names = new Set(allowedHosts.map((name) => name.toLowerCase()));
  for (const origin of allowedOrigins) {
    const name = URL.canParse(origin) ? hostnameOf(new URL(origin).host) : undefined;
    if (name) names.add(name);
  }
  if (names.has('*')) return () => true;
  return (hostHeader) => {
    // Browsers always send Host; only non-browser HTTP/1.0 clients may leave it out.
    if (hostHeader === undefined) return true;
    const name = hostnameOf(hostHeader);
    return name !== undefined && (alwaysAllowed(name) || names.has(name));
  };
}
