/**
 * A pass-through HTTP proxy that records every request line, for tests that assert exactly what the gateway
 * sent upstream (path and query), not only how many calls it made.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface RecordingProxy {
  url: string;
  /** Where requests go; set it before the first request. */
  target: string;
  /** Request targets (`/path?query`) in arrival order. */
  requests: string[];
  /** The headers of each request, in the same order. */
  headers: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const proxy: RecordingProxy = {
    url: '',
    target: '',
    requests: [],
    headers: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((incoming, outgoing) => {
    proxy.requests.push(incoming.url ?? '');
    proxy.headers.push(incoming.headers);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      // Transparent: the Host the gateway sent goes on unchanged, since an AK/SK signature covers it.
      const headers = { ...incoming.headers };
      delete headers.connection;
      request(`${proxy.target}${incoming.url ?? ''}`, {
        method: incoming.method as 'GET' | 'POST',
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      })
        .then(async (answer) => {
          const body = Buffer.from(await answer.body.arrayBuffer());
          const forwarded = Object.fromEntries(
            Object.entries(answer.headers).filter(
              ([name]) => !['connection', 'transfer-encoding'].includes(name),
            ),
          );
          outgoing.writeHead(answer.statusCode, forwarded);
          outgoing.end(body);
        })
        .catch(() => {
          outgoing.writeHead(502);
          outgoing.end();
        });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
