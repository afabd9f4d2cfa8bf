import WebSocket from 'ws';
import type { SubscribeRequest } from '../../lib/protocol';

export interface HostileSubscriber {
  /** Subscribe acks received so far, and every byte the server sent. */
  stats(): { acks: number; bytes: number };
  stop(): void;
}

/**
 * A client at the Socket.IO wire level that sends the same subscribe again as soon as the last one
 * is answered, forever. It reads each frame's first bytes only, so it costs its own process little.
 */
export function startHostileSubscriber(
  baseUrl: string,
  request: SubscribeRequest,
): Promise<HostileSubscriber> {
  const url = `${baseUrl.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const client = new WebSocket(url);
  const payload = JSON.stringify(['panels:subscribe', request]);
  let acks = 0;
  let bytes = 0;
  let id = 0;
  const send = () => client.send(`42${id}${payload}`);
  const subscriber: HostileSubscriber = {
    stats: () => ({ acks, bytes }),
    stop: () => client.terminate(),
  };
  return new Promise((resolve, reject) => {
    client.once('error', reject);
    client.on('message', (data: Buffer) => {
      bytes += data.length;
      const head = data.subarray(0, 24).toString();
      if (head === '2') client.send('3');
      else if (head.startsWith('0')) client.send('40');
      else if (head.startsWith('40')) {
        send();
        resolve(subscriber);
      } else if (head.startsWith(`43${id}[`)) {
        acks++;
        id++;
        send();
      }
    });
  });
}
