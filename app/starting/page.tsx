import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { StartingUp } from '@/components/shell/starting-up';
import { aggregatorOrigin } from '@/lib/env';
import { returnPath } from '@/lib/request-path';
import { fetchStartupState } from '@/lib/startup-state';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Headroom is starting' };

interface Props {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function StartingPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const back = returnPath(Array.isArray(next) ? next[0] : next);
  const startup = await fetchStartupState(aggregatorOrigin());
  if (startup.state === 'ready') redirect(back);
  return <StartingUp startup={startup} />;
}
