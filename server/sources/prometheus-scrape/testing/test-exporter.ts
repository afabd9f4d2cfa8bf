import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface ExporterPage {
  status: number;
  body: string;
  contentType: string;
  /** Gzip the body when the request accepts it. */
  gzip: boolean;
  /** Hold the answer this long (a slow exporter). */
  delayMs: number;
}

/** A real /metrics endpoint on a loopback port whose page a test changes as it goes. */
export class TestExporter extends EventEmitter {
  page: ExporterPage;
  readonly requests: IncomingHttpHeaders[] = [];
  /** Answers sent gzipped. */
  zipped = 0;
  private server: Server | undefined;
  private port = 0;

  constructor(body: string, page: Partial<ExporterPage> = {}) {
    super();
    this.page = {
      status: 200,
      body,
      contentType: 'text/plain; version=0.0.4',
      gzip: false,
      delayMs: 0,
      ...page,
    };
  }

  private zippedPage: { body: string; bytes: Buffer } | undefined;

  /** Compressed once per page, so a benchmark times the scraper and not this exporter. */
  private gzipped(body: string): Buffer {
    if (this.zippedPage?.body !== body) this.zippedPage = { body, bytes: gzipSync(body) };
    return this.zippedPage.bytes;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async listen(): Promise<this> {
    const server = createServer((request, response) => {
      this.requests.push(request.headers);
      const { status, body, contentType, gzip, delayMs } = this.page;
      const zipped = gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      if (zipped) this.zipped++;
      const bytes = zipped ? this.gzipped(body) : Buffer.from(body);
      const headers = {
        'content-type': contentType,
        ...(zipped ? { 'content-encoding': 'gzip' } : {}),
      };
      const answer = () => {
        response.writeHead(status, headers).end(bytes);
        this.emit('request', request.headers);
      };
      if (delayMs > 0) setTimeout(answer, delayMs).unref();
      else answer();
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops answering: connections to the port are refused until listen() again. */
  async close(): Promise<void> {
    const { server } = this;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function startExporter(
  body: string,
  page: Partial<ExporterPage> = {},
): Promise<TestExporter> {
  return new TestExporter(body, page).listen();
}
