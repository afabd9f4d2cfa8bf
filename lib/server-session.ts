import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AccessDeniedError } from './aggregator-api';
import { AggregatorUnavailableError, logUnavailable } from './aggregator-unavailable';
import { ACCESS_TOKEN_COOKIE } from './client/access-token';
import { aggregatorOrigin } from './env';
import { REQUEST_PATH_HEADER, STARTING_PATH, returnPath } from './request-path';

export interface TokenLoad<T> {
  /**
   * The aggregator's refusal comes back to be rendered; while it starts or is down the reader is
   * sent to the starting page; any other failure is thrown.
   */
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
    if (error instanceof AggregatorUnavailableError) {
      logUnavailable(error);
      const back = returnPath((await headers()).get(REQUEST_PATH_HEADER));
      redirect(`${STARTING_PATH}?next=${encodeURIComponent(back)}`);
    }
    throw error;
  }
}
