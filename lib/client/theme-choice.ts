import { z } from 'zod';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_STORAGE_KEY = 'headroom.theme';
const themeChoiceSchema = z.enum(THEME_CHOICES);

/** What local storage held, or the system preference when it held nothing valid. */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  const parsed = themeChoiceSchema.safeParse(stored);
  return parsed.success ? parsed.data : 'system';
}

/**
 * Runs inline before the first paint (with the page's CSP nonce), so a stored choice never flashes
 * the other theme; "system" leaves the attribute off and CSS follows `prefers-color-scheme`.
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
