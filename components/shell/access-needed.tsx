'use client';
import { useState, type FormEvent } from 'react';
import { clearAccessToken, saveAccessToken } from '@/lib/client/access-token';

interface Props {
  status: 401 | 403;
  /** What the page wanted to show, as in "to read incidents". */
  what: string;
  /** Whether this browser already sent a token, which may then be forgotten. */
  hadToken?: boolean;
}

/** What the aggregator's 401 or 403 means, and a form to sign in with a token. */
export function AccessNeeded({ status, what, hadToken = false }: Props) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) return;
    saveAccessToken(value);
    // A full load, so the socket and every cached query start again with the token.
    window.location.reload();
  };
  return (
    <main className="error-page sign-in">
      <section role="alert" aria-labelledby="access-needed-title">
        <h1 id="access-needed-title">
          {status === 401 ? 'An access token is needed' : 'This access token may not do that'}
        </h1>
        <p>
          {status === 401
            ? `This Headroom asks for an access token ${what}${hadToken ? ', and the saved one is unknown or revoked' : ''}.`
            : `The access token this browser holds has no permission ${what}.`}
        </p>
        <p>
          An admin creates one on the machine that runs Headroom with{' '}
          <code>npm run tokens -- create --role viewer --name &lt;you&gt;</code> (a role of{' '}
          <code>editor</code> can also write annotations). Paste it below; it is kept in a cookie
          for this site only.
        </p>
      </section>
      <form onSubmit={submit}>
        <label>
          Access token
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>
        <button type="submit" disabled={!token.trim()}>
          Sign in
        </button>
        {hadToken && (
          <button
            type="button"
            onClick={() => {
              clearAccessToken();
              window.location.reload();
            }}
          >
            Forget the saved token
          </button>
        )}
      </form>
    </main>
  );
}
