/**
 * @module
 * Serves a fetch-style handler (`(Request) => Response`) over a real node:http socket on 127.0.0.1.
 *
 * Both sims are written as fetch handlers (msw request handlers or plain functions), so tests can call them
 * in-process and clients reach them over real sockets through this thin adapter. It adds what a fetch handler
 * cannot see on its own: which TCP connection a request came on (NTLM authenticates the connection, not the request),
 * and a way to drop the connection (the "connection reset" fault).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Header the adapter adds to every request: a stable id of the TCP connection it arrived on. */
export const CONNECTION_ID_HEADER = 'x-synclab-connection-id';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Throw (or resolve with) this from a handler to destroy the socket instead of answering: ECONNRESET at the client. */
export class ConnectionResetSignal extends Error {
  constructor() {
    super('synclab sim: connection reset on purpose (fault schedule)');
    this.name = 'ConnectionResetSignal';
  }
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:43121 — no trailing slash */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Called when the handler throws something other than ConnectionResetSignal. Must return a protocol-correct answer. */
  onError: (error: unknown, request: Request) => Response;
}

export async function serveFetchHandler(handler: FetchHandler, options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<Socket, string>();
  let nextConnection = 1;

  const server = http.createServer(async (req, res) => {
    const socket = req.socket;
    let connectionId = connectionIds.get(socket);
    if (!connectionId) {
      connectionId = `c${nextConnection++}`;
      connectionIds.set(socket, connectionId);
    }
    let request: Request;
    try {
      request = await toFetchRequest(req, host, connectionId);
    } catch {
      socket.destroy();
      return;
    }
    let response: Response;
    try {
      response = await handler(request);
    } catch (error) {
      if (error instanceof ConnectionResetSignal) {
        socket.destroy();
        return;
      }
      response = options.onError(error, request);
    }
    await writeFetchResponse(response, res);
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function toFetchRequest(req: http.IncomingMessage, host: string, connectionId: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(CONNECTION_ID_HEADER, connectionId);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
  return new Request(url, { method, headers, body });
}

async function writeFetchResponse(response: Response, res: http.ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value;
  });
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body && !('content-length' in headers)) headers['content-length'] = String(body.length);
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}
