import { quietProxyErrors } from './lib/proxy-error-log';

/** Runs once when the web server starts. */
export function register(): void {
  if (process.env.NEXT_RUNTIME === 'nodejs') quietProxyErrors(console);
}
