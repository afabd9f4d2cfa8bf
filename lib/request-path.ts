/** Set by proxy.ts, so a page that cannot load yet can send the reader back once it can. */
export const REQUEST_PATH_HEADER = 'x-headroom-path';

export const STARTING_PATH = '/starting';

/** Where the starting page may send the reader back to: a page of this site other than itself. */
export function returnPath(value: string | undefined | null): string {
  if (!value || !/^\/(?![/\\])/.test(value)) return '/';
  return new URL(value, 'http://site').pathname === STARTING_PATH ? '/' : value;
}
