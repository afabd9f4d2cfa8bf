import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PanelBatch, ServerToClientEvents } from '../../lib/protocol';
import { createAggregator, type Aggregator, type AggregatorDeps } from '../app';
import { DEFAULT_PANELS } from '../dashboard';
import { SIMULATOR_CADENCES, createSimulatorSource } from './simulator/simulator-source';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RunningAggregator {
  aggregator: Aggregator;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The dashboard's panels at the small simulator's cadences: it reports GPUs every second, where the
 * launch-surge scenario reports every five, so tests of the live path run five times as fast.
 */
export const TEST_PANELS = DEFAULT_PANELS.map((panel) =>
  'metric' in panel.query && panel.query.metric === 'DCGM_FI_DEV_GPU_UTIL'
    ? { ...panel, expectedIntervalMs: SIMULATOR_CADENCES.gpu }
    : panel,
);

/** A real aggregator with the small built-in simulator, on a free port, quiet in the test output. */
export async function startAggregator(
  overrides: Partial<AggregatorDeps> = {},
  port = 0,
): Promise<RunningAggregator> {
  const logger = pino({ level: 'silent' });
  const aggregator = await createAggregator({
    panels: TEST_PANELS,
    sources: [createSimulatorSource({ seed: 7, backfillMs: 5 * 60_000, logger })],
    logger,
    version: 'test',
    ...overrides,
  });
  const address = await aggregator.listen(port);
  return {
    aggregator,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await aggregator.close();
    },
  };
}

export function connectClient(baseUrl: string): Promise<TestSocket> {
  const socket: TestSocket = connect(baseUrl, {
    addTrailingSlash: false,
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the first batch that satisfies the predicate; rejects after the timeout. */
export function waitForBatch(
  socket: TestSocket,
  predicate: (batch: PanelBatch) => boolean,
  timeoutMs = 5_000,
): Promise<PanelBatch> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('samples:batch', onBatch);
      reject(new Error(`no matching batch within ${timeoutMs} ms`));
    }, timeoutMs);
    const onBatch = (batch: PanelBatch) => {
      if (!predicate(batch)) return;
      clearTimeout(timer);
      socket.off('samples:batch', onBatch);
      resolve(batch);
    };
    socket.on('samples:batch', onBatch);
  });
}

export function postJson(baseUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
