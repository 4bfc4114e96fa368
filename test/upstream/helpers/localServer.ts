/** A throwaway node:http server for transport tests: records every request, answers with a test-supplied handler. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Responder = (request: RecordedRequest, res: ServerResponse, req: IncomingMessage) => void;

export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  respond(responder: Responder): void;
  close(): Promise<void>;
}

export async function startLocalServer(initial?: Responder): Promise<LocalServer> {
  let responder: Responder = initial ?? ((_request, res) => res.end());
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      responder(recorded, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** A token source that hands out `iam-token-1`, `iam-token-2`, ... and records invalidations. */
export function fakeTokens() {
  let issued = 0;
  let current: string | undefined;
  const invalidated: string[] = [];
  return {
    invalidated,
    get issued() {
      return issued;
    },
    async getToken() {
      if (current === undefined) {
        issued += 1;
        current = `iam-token-${issued}`;
      }
      return current;
    },
    invalidate(token: string) {
      invalidated.push(token);
      if (current === token) current = undefined;
    },
  };
}
