'use client';
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { useZoneHref } from '@/lib/client/use-timezone';

type Props = Omit<ComponentProps<typeof Link>, 'href'> & { href: string };

/** A link within the app: it keeps the time zone the page was opened with (`?tz=`). */
export function AppLink({ href, ...props }: Props) {
  const zoneHref = useZoneHref();
  return <Link {...props} href={zoneHref(href)} />;
}
