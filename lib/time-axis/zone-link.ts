import { isTimeZone } from './zone';
import { TZ_PARAM, ZoneChoiceSchema } from './zone-choice';

/** A made-up origin to parse in-app paths against; only the path, query and hash are kept. */
const BASE = 'http://headroom.invalid';

/** The zone a page's query names (`?tz=`), when it names one that links should carry on. */
export function zoneParamOf(search: string): string | undefined {
  const value = new URLSearchParams(search).get(TZ_PARAM);
  if (value === null) return undefined;
  const named = ZoneChoiceSchema.safeParse(value.toLowerCase()).success || isTimeZone(value);
  return named ? value : undefined;
}

/** An in-app href that keeps the page's zone; its own query, a `tz` included, and hash stay. */
export function withZone(href: string, zone: string | undefined): string {
  if (zone === undefined) return href;
  const url = new URL(href, BASE);
  if (url.origin !== BASE || url.searchParams.has(TZ_PARAM)) return href;
  url.searchParams.set(TZ_PARAM, zone);
  return `${url.pathname}${url.search}${url.hash}`;
}
