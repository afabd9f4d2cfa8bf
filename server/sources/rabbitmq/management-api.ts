import { z } from 'zod';
import { errorText } from '../polling/pulled-source';
import type { ManagementEndpoint } from './config';

const COLUMNS = 'name,messages_ready,messages_unacknowledged,consumers';

/** A queue as the management API answers; the counts are absent until its first stats (~5 s). */
const QueueSchema = z.object({
  name: z.string(),
  messages_ready: z.number().int().nonnegative().optional(),
  messages_unacknowledged: z.number().int().nonnegative().optional(),
  consumers: z.number().int().nonnegative().optional(),
});
const QueueListSchema = z.array(QueueSchema);

export interface QueueCounts {
  ready: number;
  unacked: number;
  consumers: number;
}

/** One queue from the management API; no counts for a queue too new to have stats yet. */
export interface ManagedQueue {
  name: string;
  counts?: QueueCounts;
}

/** The management API could not be asked, or answered something other than what it documents. */
export class ManagementUnavailable extends Error {
  override name = 'ManagementUnavailable';
}

export interface ManagementClient {
  /** One queue, or `undefined` when the vhost has no queue of that name. */
  queue(vhost: string, name: string): Promise<ManagedQueue | undefined>;
  /** Every queue of the vhost. */
  list(vhost: string): Promise<ManagedQueue[]>;
}

export function createManagementClient(
  endpoint: ManagementEndpoint,
  timeoutMs: number,
): ManagementClient {
  async function get(path: string): Promise<unknown> {
    const url = `${endpoint.baseUrl}/api/${path}?columns=${COLUMNS}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: endpoint.authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ManagementUnavailable(fetchFailure(error, timeoutMs));
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ManagementUnavailable(`HTTP ${response.status}`);
    }
    try {
      return await response.json();
    } catch {
      throw new ManagementUnavailable('answered with something other than JSON');
    }
  }

  return {
    async queue(vhost, name) {
      const body = await get(`queues/${encodeURIComponent(vhost)}/${encodeURIComponent(name)}`);
      return body === undefined ? undefined : toManaged(parse(QueueSchema, body));
    },
    async list(vhost) {
      const body = await get(`queues/${encodeURIComponent(vhost)}`);
      if (body === undefined) throw new ManagementUnavailable(`no vhost "${vhost}"`);
      return parse(QueueListSchema, body).map(toManaged);
    },
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ManagementUnavailable('answered in an unexpected shape');
  return parsed.data;
}

function toManaged(queue: z.infer<typeof QueueSchema>): ManagedQueue {
  const { name, messages_ready, messages_unacknowledged, consumers } = queue;
  if (
    messages_ready === undefined ||
    messages_unacknowledged === undefined ||
    consumers === undefined
  )
    return { name };
  return { name, counts: { ready: messages_ready, unacked: messages_unacknowledged, consumers } };
}

/** fetch() rejects with a bare "fetch failed"; the reason (ECONNREFUSED, a timeout) is its cause. */
function fetchFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return `timed out after ${timeoutMs} ms`;
  if (error instanceof Error && error.cause !== undefined) return errorText(error.cause);
  return errorText(error);
}
