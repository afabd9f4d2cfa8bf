'use client';
import { useEffect } from 'react';
import { saveAccessToken } from '@/lib/client/access-token';

/**
 * A token from the wall's URL becomes the tab's access cookie (same origin only, read on every
 * reconnect), and leaves the address bar, so it is neither shown on the screen nor sent onwards.
 */
export function useWallToken(token: string | undefined): void {
  useEffect(() => {
    if (!token) return;
    saveAccessToken(token);
    const url = new URL(window.location.href);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }, [token]);
}
