import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections turned away since the last cut: a test awaits retries by counting them. */
  readonly refused: number;
  /** Destroys every open connection and closes each new one at once, as a server that went away. */
  cut(): void;
  /** Forwards new connections again. */
  restore(): void;
  /** Resolves once `count` connections have been turned away since the last cut. */
  refusedAtLeast(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A loopback TCP proxy in front of a real server, so a test can take the server away and back. */
export async function startTcpProxy(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let isCut = false;
  let refused = 0;

  function turnAway(client: Socket): void {
    client.destroy();
    refused += 1;
    for (const waiter of waiters.filter((w) => refused >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  const server = createServer((client) => {
    if (isCut) return turnAway(client);
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');

  return {
    port: address.port,
    get refused() {
      return refused;
    },
    cut() {
      isCut = true;
      refused = 0;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      isCut = false;
    },
    refusedAtLeast(count) {
      if (refused >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
