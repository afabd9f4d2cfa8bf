import {
  ErrorBodySchema,
  WallFocusStateSchema,
  type WallFocusRequest,
  type WallFocusState,
} from '../protocol';

const authorization = (token: string | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

async function send(
  url: string,
  init: RequestInit,
  token: string | undefined,
): Promise<WallFocusState> {
  const response = await fetch(url, {
    ...init,
    cache: 'no-store',
    headers: { ...authorization(token), ...init.headers },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return WallFocusStateSchema.parse(body);
  const error = ErrorBodySchema.safeParse(body);
  throw new Error(
    error.success ? error.data.error.message : `the aggregator answered ${response.status}`,
  );
}

/** The incident every wallboard shows now, if any. */
export function fetchWallFocus(origin: string, token?: string): Promise<WallFocusState> {
  return send(`${origin}/api/wall/focus`, {}, token);
}

export function focusWalls(incidentId: string, token?: string): Promise<WallFocusState> {
  const request: WallFocusRequest = { incidentId };
  return send(
    '/api/wall/focus',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    },
    token,
  );
}

export function clearWallFocus(token?: string): Promise<WallFocusState> {
  return send('/api/wall/focus', { method: 'DELETE' }, token);
}
