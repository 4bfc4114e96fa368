import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OriginPools } from '../../../src/upstream/transport/pools';
import { waitUntil } from '../../e2e/support/observe';

/** A keep-alive HTTP server that counts the connections it accepts and keeps them for the test to close. */
async function countingServer(): Promise<{
  server: Server;
  origin: string;
  sockets: Socket[];
  open(): number;
}> {
  const sockets: Socket[] = [];
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    setTimeout(() => response.end('{"ok":true}'), 10);
  });
  server.on('connection', (socket: Socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    sockets,
    open: () => sockets.filter((socket) => !socket.destroyed).length,
  };
}

function pools(spareMaxIdleMs?: number, connections = 64): OriginPools {
  return new OriginPools({
    connections,
    connectTimeoutMs: 1_000,
    maxResponseBytes: 1024 * 1024,
    ...(spareMaxIdleMs !== undefined && { spareMaxIdleMs }),
  });
}

async function get(target: OriginPools, origin: string): Promise<unknown> {
  const response = await target.get(origin).request({ path: '/', method: 'GET' });
  return response.body.json();
}

/** Socket events land a few event-loop turns after their cause. */
const eventually = (check: () => boolean): Promise<void> =>
  waitUntil('the connections are as expected', check, { timeoutMs: 2_000, intervalMs: 5 });

describe('connections opened before the first request', () => {
  let upstream: Awaited<ReturnType<typeof countingServer>>;
  let target: OriginPools;

  beforeEach(async () => {
    upstream = await countingServer();
  });
  afterEach(async () => {
    await target.close();
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));
  });

  it('are the connections the first concurrent requests travel on: no new connection is opened', async () => {
    target = pools(10_000);
    const opened = await target.preopen([upstream.origin, upstream.origin], 6);
    expect(opened).toEqual(new Map([[upstream.origin, 6]]));
    await eventually(() => upstream.sockets.length === 6);

    const answers = await Promise.all(Array.from({ length: 6 }, () => get(target, upstream.origin)));

    expect(answers).toEqual(Array.from({ length: 6 }, () => ({ ok: true })));
    expect(upstream.sockets).toHaveLength(6);
  });

  it('are only as many as the pool may use', async () => {
    target = pools(10_000, 3);
    expect(await target.preopen([upstream.origin], 10)).toEqual(new Map([[upstream.origin, 3]]));
    await eventually(() => upstream.sockets.length === 3);
  });

  it('are not opened when the pools keep no spares', async () => {
    target = pools(undefined);
    expect(await target.preopen([upstream.origin], 6)).toEqual(new Map());
    await get(target, upstream.origin);
    expect(upstream.sockets).toHaveLength(1);
  });

  it('are closed when no request takes them in time', async () => {
    target = pools(100);
    await target.preopen([upstream.origin], 4);
    await eventually(() => upstream.sockets.length === 4 && upstream.open() === 4);
    await eventually(() => upstream.open() === 0);

    expect(await get(target, upstream.origin)).toEqual({ ok: true });
    expect(upstream.sockets).toHaveLength(5);
  });

  it('are dropped when the server closes them while they wait, and a request opens a new one', async () => {
    target = pools(10_000);
    await target.preopen([upstream.origin], 3);
    await eventually(() => upstream.sockets.length === 3);
    for (const socket of upstream.sockets) socket.end();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await get(target, upstream.origin)).toEqual({ ok: true });
    expect(upstream.sockets).toHaveLength(4);
  });

  it('are dropped when the server writes before any request (e.g. a 408)', async () => {
    target = pools(10_000);
    await target.preopen([upstream.origin], 1);
    await eventually(() => upstream.sockets.length === 1);
    upstream.sockets[0]!.write('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    await eventually(() => upstream.open() === 0);

    expect(await get(target, upstream.origin)).toEqual({ ok: true });
    expect(upstream.sockets).toHaveLength(2);
  });

  it('are closed with the pools', async () => {
    target = pools(10_000);
    await target.preopen([upstream.origin], 3);
    await eventually(() => upstream.open() === 3);
    await target.close();
    await eventually(() => upstream.open() === 0);
  });

  it('resolve with none opened when the origin refuses connections, without throwing', async () => {
    target = pools(10_000);
    const refused = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
    await new Promise((resolve) => upstream.server.close(resolve));
    expect(await target.preopen([refused], 2)).toEqual(new Map([[refused, 0]]));
    upstream = await countingServer();
  });
});
