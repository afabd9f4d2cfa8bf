import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { AccessNeeded } from '@/components/shell/access-needed';
import { IncidentView } from '@/components/incidents/incident-view';
import { IncidentsHeader } from '@/components/incidents/incidents-header';
import { AccessDeniedError, NotFoundError } from '@/lib/aggregator-api';
import { ACCESS_TOKEN_COOKIE } from '@/lib/client/access-token';
import { aggregatorOrigin } from '@/lib/env';
import { fetchIncidentPage } from '@/lib/incidents/incident-page-data';
import { AnnotationIdSchema } from '@/lib/protocol';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Incident · Headroom' };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function IncidentPage({ params }: Props) {
  const { id } = await params;
  if (!AnnotationIdSchema.safeParse(id).success) notFound();
  const token = (await cookies()).get(ACCESS_TOKEN_COOKIE)?.value;
  const result = await fetchIncidentPage(aggregatorOrigin(), id, token).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof AccessDeniedError) return error;
    throw error;
  });
  return (
    <>
      <IncidentsHeader />
      {result instanceof AccessDeniedError ? (
        <AccessNeeded
          status={result.status}
          what="to read this incident"
          hadToken={token !== undefined}
        />
      ) : (
        <IncidentView initial={result} />
      )}
    </>
  );
}
