import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { AccessNeeded } from '@/components/shell/access-needed';
import { WallBoard } from '@/components/wall/wall-board';
import { WallParamError } from '@/components/wall/wall-param-error';
import { AccessDeniedError } from '@/lib/aggregator-api';
import { ACCESS_TOKEN_COOKIE } from '@/lib/client/access-token';
import { aggregatorOrigin } from '@/lib/env';
import { loadWall } from '@/lib/wall/load-wall';
import { parseWallParams, unknownPanels } from '@/lib/wall/wall-params';

export const dynamic = 'force-dynamic';

// The token may ride in this page's URL: never send it onwards in a Referer.
export const metadata: Metadata = { title: 'Headroom wallboard', referrer: 'no-referrer' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function WallPage({ searchParams }: Props) {
  const parsed = parseWallParams(await searchParams);
  if (!parsed.ok) return <WallParamError problems={parsed.problems} />;
  const { params } = parsed;
  const token = params.token ?? (await cookies()).get(ACCESS_TOKEN_COOKIE)?.value;
  let snapshot;
  try {
    snapshot = await loadWall(aggregatorOrigin(), params, token);
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error;
    return <AccessNeeded status={error.status} what="to show the wallboard" hadToken={!!token} />;
  }
  const missing = unknownPanels(
    params,
    snapshot.panels.map((panel) => panel.id),
  );
  if (missing.length > 0) {
    return (
      <WallParamError
        problems={[
          `no panel ${missing.map((id) => `"${id}"`).join(', ')}; this dashboard has ${snapshot.panels.map((panel) => panel.id).join(', ')}`,
        ]}
      />
    );
  }
  return <WallBoard params={params} snapshot={snapshot} />;
}
