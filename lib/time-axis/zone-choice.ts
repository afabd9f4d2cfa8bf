import { z } from 'zod';
import { UTC, isTimeZone, type TimeZone } from './zone';

export const TZ_PARAM = 'tz';
export const TZ_STORAGE_KEY = 'headroom.timezone';
export const ZONE_CHOICES = ['local', 'utc'] as const;
export const ZoneChoiceSchema = z.enum(ZONE_CHOICES);
/** The toggle's two choices, or an IANA zone a link names (a wallboard's `?tz=Europe/Paris`). */
export type ZoneChoice = z.infer<typeof ZoneChoiceSchema> | TimeZone;

/** The URL's `?tz=` wins over the stored choice; the browser's own zone is the default. */
export function pickZoneChoice(urlValue: string | null, stored: string | null): ZoneChoice {
  const fromUrl = ZoneChoiceSchema.safeParse(urlValue?.toLowerCase());
  if (fromUrl.success) return fromUrl.data;
  if (urlValue && isTimeZone(urlValue)) return urlValue;
  const fromStorage = ZoneChoiceSchema.safeParse(stored);
  return fromStorage.success ? fromStorage.data : 'local';
}

export function resolveZone(choice: ZoneChoice, browserZone: TimeZone | undefined): TimeZone {
  if (choice === 'utc') return UTC;
  if (choice === 'local') return browserZone ?? UTC;
  return choice;
}
