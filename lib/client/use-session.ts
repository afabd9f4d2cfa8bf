'use client';
import { useQuery } from '@tanstack/react-query';
import { fetchSession } from '../aggregator-api';
import type { Permission, Session } from '../protocol';
import { readAccessToken } from './access-token';
import { sessionQueryKey } from './query-client';

const NOBODY: Session = { mode: 'anonymous', name: null, role: null, permissions: [] };

/** Who the aggregator takes this browser to be; until it answers, someone who may only look. */
export function useSession(initial?: Session): Session {
  const { data } = useQuery({
    queryKey: sessionQueryKey,
    queryFn: () => fetchSession('', readAccessToken()),
    initialData: initial,
  });
  return data ?? NOBODY;
}

export function can(session: Session, permission: Permission): boolean {
  return session.permissions.includes(permission);
}
