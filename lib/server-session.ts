import { cookies } from 'next/headers';
import { AccessDeniedError } from './aggregator-api';
import { ACCESS_TOKEN_COOKIE } from './client/access-token';
import { aggregatorOrigin } from './env';

export interface TokenLoad<T> {
  /** The aggregator's refusal comes back to be rendered; any other failure is thrown. */
  result: T | AccessDeniedError;
  hadToken: boolean;
}

/** Runs a page's first-paint load with the token from this request's cookie, if any. */
export async function loadWithToken<T>(
  load: (origin: string, token: string | undefined) => Promise<T>,
): Promise<TokenLoad<T>> {
  const token = (await cookies()).get(ACCESS_TOKEN_COOKIE)?.value;
  const hadToken = token !== undefined;
  try {
    return { result: await load(aggregatorOrigin(), token), hadToken };
  } catch (error) {
    if (error instanceof AccessDeniedError) return { result: error, hadToken };
    throw error;
  }
}
