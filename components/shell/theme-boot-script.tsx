import { headers } from 'next/headers';
import { THEME_BOOT_SCRIPT } from '@/lib/client/theme-choice';

/** The stored theme, applied before the first paint under the nonce proxy.ts put in the CSP. */
export async function ThemeBootScript() {
  const csp = (await headers()).get('content-security-policy') ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />;
}
