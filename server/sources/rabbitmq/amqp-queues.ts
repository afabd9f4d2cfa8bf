import { connect, type Channel, type ChannelModel } from 'amqplib';
import { withTimeout } from '../polling/with-timeout';

/** AMQP reply code of a passive declare for a queue that does not exist. */
const NOT_FOUND = 404;

export interface AmqpCounts {
  ready: number;
  consumers: number;
}

export interface AmqpQueues {
  /** One round trip to the broker: rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** Ready and consumers through a passive declare, which creates nothing; `undefined` when missing. */
  check(queue: string): Promise<AmqpCounts | undefined>;
  close(): Promise<void>;
}

/** One connection and channel to the broker, opened when first needed and again after a failure. */
export function createAmqpQueues(url: string, timeoutMs: number): AmqpQueues {
  let model: ChannelModel | undefined;
  let channel: Channel | undefined;

  async function connection(): Promise<ChannelModel> {
    if (model) return model;
    const opened = connect(url, { timeout: timeoutMs });
    const fresh = await withTimeout(opened, timeoutMs, 'connecting to RabbitMQ').catch(
      (error: unknown) => {
        void opened.then((late) => late.close()).catch(() => undefined);
        throw error;
      },
    );
    fresh.on('error', () => undefined);
    fresh.on('close', () => {
      if (model === fresh) [model, channel] = [undefined, undefined];
    });
    model = fresh;
    return fresh;
  }

  async function openChannel(): Promise<Channel> {
    if (channel) return channel;
    const conn = await connection();
    const fresh = await withTimeout(conn.createChannel(), timeoutMs, 'opening a channel');
    fresh.on('error', () => undefined);
    fresh.on('close', () => {
      if (channel === fresh) channel = undefined;
    });
    channel = fresh;
    return fresh;
  }

  return {
    async ping() {
      const open = await openChannel();
      // Every vhost has amq.direct; a passive declare of it is the cheapest round trip there is.
      await withTimeout(open.checkExchange('amq.direct'), timeoutMs, 'checking the broker');
    },
    async check(queue) {
      const open = await openChannel();
      try {
        const reply = await withTimeout(open.checkQueue(queue), timeoutMs, `checking ${queue}`);
        return { ready: reply.messageCount, consumers: reply.consumerCount };
      } catch (error) {
        if (!isMissingQueue(error)) throw error;
        // The broker closes the channel on a failed passive declare; the next queue opens another.
        channel = undefined;
        return undefined;
      }
    },
    async close() {
      const closing = model;
      [model, channel] = [undefined, undefined];
      if (closing) await withTimeout(closing.close(), timeoutMs, 'closing').catch(() => undefined);
    },
  };
}

function isMissingQueue(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === NOT_FOUND;
}
