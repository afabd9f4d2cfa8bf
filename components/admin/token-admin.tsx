'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AppLink } from '@/components/shell/app-link';
import { useState } from 'react';
import { listTokens, revokeToken } from '@/lib/client/token-api';
import { can, useSession } from '@/lib/client/use-session';
import type { TokenCreated } from '@/lib/protocol';
import { TokenCreateForm } from './token-create-form';
import { TokenTable } from './token-table';
import './admin.css';

const tokensQueryKey = ['tokens'] as const;

/** Admins list, create and revoke access tokens; a new secret is shown once, right here. */
export function TokenAdmin() {
  const session = useSession();
  const client = useQueryClient();
  const allowed = can(session, 'manage_tokens');
  const [created, setCreated] = useState<TokenCreated>();
  const [error, setError] = useState<string>();
  const { data: tokens, error: loadError } = useQuery({
    queryKey: tokensQueryKey,
    queryFn: listTokens,
    enabled: allowed,
  });
  const refresh = () => client.invalidateQueries({ queryKey: tokensQueryKey });

  return (
    <main className="admin-page controls">
      <nav>
        <AppLink href="/">← Dashboard</AppLink>
      </nav>
      <h1>Access tokens</h1>
      {!allowed ? (
        <p role="alert">
          Only an admin token manages tokens. On the aggregator&apos;s machine, create the first one
          with <code>npm run tokens -- create --role admin --name you</code>.
        </p>
      ) : (
        <>
          <TokenCreateForm
            onCreated={(token) => {
              setCreated(token);
              void refresh();
            }}
          />
          {created && (
            <div className="token-secret" role="status">
              <p>
                Token for <strong>{created.name}</strong> ({created.role}). Copy it now: it is not
                shown again.
              </p>
              <code data-testid="token.secret">{created.token}</code>
              {created.role === 'wallboard' && (
                <p data-testid="token.wall-url">
                  Bookmark on the screen:{' '}
                  <code>/wall?token={encodeURIComponent(created.token)}</code>
                </p>
              )}
            </div>
          )}
          {(error ?? loadError) && <p role="alert">{error ?? loadError?.message}</p>}
          <TokenTable
            tokens={tokens ?? []}
            onRevoke={async (id) => {
              setError(undefined);
              try {
                await revokeToken(id);
              } catch (failure) {
                setError((failure as Error).message);
              }
              void refresh();
            }}
          />
        </>
      )}
    </main>
  );
}
