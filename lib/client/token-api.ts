import {
  ErrorBodySchema,
  TokenCreatedSchema,
  TokenListSchema,
  type TokenCreate,
  type TokenCreated,
  type TokenInfo,
} from '../protocol';
import { authorizationHeader, readAccessToken } from './access-token';

/** Token management goes over REST: it is rare, and an admin wants the HTTP status. */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, {
    ...init,
    headers: { ...authorizationHeader(readAccessToken()), ...init.headers },
  });
  if (response.ok) return response;
  const body = ErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  throw new Error(
    body.success ? body.data.error.message : `the aggregator answered ${response.status}`,
  );
}

export async function listTokens(): Promise<TokenInfo[]> {
  return TokenListSchema.parse(await (await call('/api/tokens')).json()).tokens;
}

export async function createToken(input: TokenCreate): Promise<TokenCreated> {
  const response = await call('/api/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return TokenCreatedSchema.parse(await response.json());
}

export async function revokeToken(id: string): Promise<void> {
  await call(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
