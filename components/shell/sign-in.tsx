'use client';
import { useState, type FormEvent } from 'react';
import { clearAccessToken, saveAccessToken } from '@/lib/client/access-token';

/** Shown when the aggregator wants a token: the token is kept in a cookie for this site only. */
export function SignIn({ denied, hadToken }: { denied: 401 | 403; hadToken: boolean }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveAccessToken(token.trim());
    location.reload();
  };
  return (
    <main className="error-page sign-in">
      <h1>{denied === 401 ? 'This Headroom needs an access token' : 'This token may not read'}</h1>
      <p>
        {denied === 401
          ? 'Paste the token an admin gave you. '
          : 'The token you signed in with has no read permission (an ingest token, perhaps). '}
        An admin creates one with <code>npm run tokens -- create --role viewer --name you</code>.
      </p>
      <form onSubmit={submit}>
        <label>
          Access token
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            required
          />
        </label>
        <button type="submit">Sign in</button>
        {hadToken && (
          <button
            type="button"
            onClick={() => {
              clearAccessToken();
              location.reload();
            }}
          >
            Forget the saved token
          </button>
        )}
      </form>
    </main>
  );
}
