import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema, WallFocusStateSchema } from '../../lib/protocol';
import { request, sampleAnnotation } from '../testing/access-fixtures';
import { startAggregator, type RunningAggregator } from '../testing/harness';
import { captureLogs } from '../testing/log-capture';

const agents: Agent[] = [];
afterEach(() => {
  for (const agent of agents.splice(0)) agent.destroy();
});

/** Kept-alive connections: a request on one still arrives after the server stops listening. */
function keptAlive(maxSockets = 1): Agent {
  const agent = new Agent({ keepAlive: true, maxSockets });
  agents.push(agent);
  return agent;
}

function answerOf(req: ClientRequest): Promise<{ status: number | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({
          status: response.statusCode,
          body: text.startsWith('{') ? JSON.parse(text) : text,
        });
      });
    });
  });
}

async function openIncident(running: RunningAggregator): Promise<string> {
  const created = await request(
    running.baseUrl,
    'POST',
    '/api/annotations',
    undefined,
    sampleAnnotation('Focused as the aggregator stops'),
  );
  return ((await created.json()) as { id: string }).id;
}

/** Resolves once the server has started handling `count` more requests. */
function requestsReceived(running: RunningAggregator, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onRequest = () => {
      seen += 1;
      if (seen < count) return;
      running.aggregator.httpServer.off('request', onRequest);
      resolve();
    };
    running.aggregator.httpServer.on('request', onRequest);
  });
}

/** A focus request whose body is held back, so it is in flight for as long as the test likes. */
function focusWithHeldBody(running: RunningAggregator, agent: Agent, incidentId: string) {
  const body = JSON.stringify({ incidentId });
  const req = httpRequest(`${running.baseUrl}/api/wall/focus`, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  req.flushHeaders();
  return { answer: answerOf(req), sendBody: () => req.end(body) };
}

describe('aggregator shutdown', () => {
  it('finishes requests in flight, then refuses with 503, never reading a closed database', async () => {
    const logs = captureLogs();
    const running = await startAggregator({ sources: [], logger: logs.logger });
    const id = await openIncident(running);
    const agent = keptAlive();
    const received = requestsReceived(running, 1);
    const inFlight = focusWithHeldBody(running, agent, id);
    await received;

    const closed = running.close();
    inFlight.sendBody();
    const first = await inFlight.answer;
    expect(first.status).toBe(200);
    expect(WallFocusStateSchema.parse(first.body).focus?.incident.id).toBe(id);

    const late = await answerOf(httpRequest(`${running.baseUrl}/api/wall/focus`, { agent }).end());
    await closed;
    expect(late.status).toBe(503);
    expect(ErrorBodySchema.parse(late.body).error.code).toBe('shutting_down');
    expect(logs.lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('refuses a socket handshake that arrives while it drains, so the client retries elsewhere', async () => {
    const running = await startAggregator({ sources: [] });
    const id = await openIncident(running);
    const socketAgent = keptAlive();
    const received = requestsReceived(running, 2);
    const holdingShutdown = focusWithHeldBody(running, new Agent({ keepAlive: false }), id);
    const keepingConnection = focusWithHeldBody(running, socketAgent, id);
    await received;

    const closed = running.close();
    keepingConnection.sendBody();
    expect((await keepingConnection.answer).status).toBe(200);
    const handshake = await answerOf(
      httpRequest(`${running.baseUrl}/socket.io/?EIO=4&transport=polling`, {
        agent: socketAgent,
      }).end(),
    );
    // Hung up by the client, as a browser moving on to its next try would: the close need not wait.
    socketAgent.destroy();
    holdingShutdown.sendBody();
    await holdingShutdown.answer;
    await closed;
    expect(handshake.status).toBe(403);
    expect(handshake.body).toMatchObject({ message: expect.stringContaining('shutting down') });
  });
});
