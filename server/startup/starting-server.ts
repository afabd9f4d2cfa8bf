import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Health } from '../../lib/protocol';
import { describeStartup } from '../../lib/startup-progress';
import { sendJson } from '../api/http';
import { startupProgress } from './startup-progress';

export const RETRY_AFTER_SECONDS = 2;

export interface StartingServer {
  address: AddressInfo;
  /** Frees the port for the aggregator, dropping kept-alive connections at once. */
  close(): Promise<void>;
}

export interface StartingOptions {
  port: number;
  host: string;
  version: string;
  startedAt: number;
}

/** What GET /api/health says until the aggregator serves data: 503, so readiness checks wait. */
export function startingHealth(version: string, startedAt: number, now = Date.now()): Health {
  const progress = startupProgress();
  return {
    status: 'starting',
    reasons: [`starting: ${describeStartup(progress)}`],
    version,
    uptimeSeconds: Math.round((now - startedAt) / 1000),
    series: 0,
    seriesQuotas: [],
    progress,
    sources: [],
  };
}

/**
 * Holds the aggregator's port while it loads and fills history, so the web app and the launcher can
 * say how far it has got instead of finding nothing there.
 */
export function listenWhileStarting({
  port,
  host,
  version,
  startedAt,
}: StartingOptions): Promise<StartingServer> {
  const retry = { 'retry-after': String(RETRY_AFTER_SECONDS) };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/api/health') {
      sendJson(res, 503, startingHealth(version, startedAt), retry);
      return;
    }
    const message = `Headroom is starting (${describeStartup(startupProgress())}); try again in a few seconds`;
    sendJson(res, 503, { error: { code: 'starting', message } }, retry);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        address: server.address() as AddressInfo,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}
