import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessNeeded } from '@/components/shell/access-needed';
import { IncidentView } from '@/components/incidents/incident-view';
import { PageHeader } from '@/components/shell/page-header';
import { AccessDeniedError, NotFoundError } from '@/lib/aggregator-api';
import { fetchIncidentPage } from '@/lib/incidents/incident-page-data';
import { AnnotationIdSchema } from '@/lib/protocol';
import { loadWithToken } from '@/lib/server-session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Incident · Headroom' };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function IncidentPage({ params }: Props) {
  const { id } = await params;
  if (!AnnotationIdSchema.safeParse(id).success) notFound();
  const { result, hadToken } = await loadWithToken((origin, token) =>
    fetchIncidentPage(origin, id, token).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
  );
  return (
    <>
      <PageHeader current="/incidents" />
      {result instanceof AccessDeniedError ? (
        <AccessNeeded status={result.status} what="to read this incident" hadToken={hadToken} />
      ) : (
        <IncidentView initial={result} />
      )}
    </>
  );
}
