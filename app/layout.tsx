import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ThemeBootScript } from '@/components/shell/theme-boot-script';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Headroom',
  description: 'Live GPU, queue and usage dashboard for AI services',
  manifest: '/manifest.webmanifest',
  icons: { apple: '/apple-touch-icon.png' },
};

// Every page renders per request, so each gets the nonce that proxy.ts put in its CSP.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    // The boot script sets `data-theme` before React hydrates, which React must not undo.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeBootScript />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
