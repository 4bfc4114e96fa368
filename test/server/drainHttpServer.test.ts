/**
 * The drain on a bare node:http server, over raw TCP sockets (they never close on their own, so every
 * close seen here is the server's): new connections refused at once, a request whose head was still
 * arriving at the idle grace served, a hung request cut at the overall grace.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { trackHttpDrain, type HttpDrain } from '../../src/server/drainHttpServer';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Running {
  server: Server;
  drain: HttpDrain;
  port: number;
  expired: number[];
  requests: string[];
}

async function start(graceMs: number, idleGraceMs: number): Promise<Running> {
  const server = createServer();
  const expired: number[] = [];
  const requests: string[] = [];
  const drain = trackHttpDrain(server, {
    graceMs,
    idleGraceMs,
    onGraceExpired: (open) => expired.push(open),
  });
  server.on('request', (request, response) => {
    requests.push(request.url ?? '');
    // /hang never answers, /slow after 300 ms; everything else at once.
    if (request.url === '/slow') setTimeout(() => response.end('ok'), 300);
    else if (request.url !== '/hang') response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, drain, port: (server.address() as AddressInfo).port, expired, requests };
}

/** A raw connection, with everything it received and whether the server closed it. */
async function open(port: number) {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const state = { received: '', closed: false, socket };
  socket.on('data', (chunk: Buffer) => (state.received += chunk.toString('utf8')));
  socket.on('error', () => undefined);
  socket.on('close', () => (state.closed = true));
  return state;
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`;

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

describe('trackHttpDrain', () => {
  let running: Running | undefined;
  afterEach(() => {
    running?.server.closeAllConnections();
    running = undefined;
  });

  it('refuses an idle grace longer than the overall grace', () => {
    expect(() => trackHttpDrain(createServer(), { graceMs: 100, idleGraceMs: 101 })).toThrow(RangeError);
  });

  it('refuses new connections at once and resolves at once when nothing is open', async () => {
    running = await start(10_000, 5_000);
    const drained = running.drain.drain();
    expect(running.drain.drain()).toBe(drained);
    await drained;
    const error = await new Promise<NodeJS.ErrnoException>((resolve) =>
      connect({ host: '127.0.0.1', port: running!.port }).once('error', resolve),
    );
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('lets a request in flight finish, with Connection: close, and then closes its connection', async () => {
    running = await start(10_000, 5_000);
    const client = await open(running.port);
    client.socket.write(get('/slow'));
    await until('the request is received', () => running!.requests.includes('/slow'));
    const drained = running.drain.drain();
    await until('the connection is closed', () => client.closed);
    expect(client.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(client.received).toMatch(/\r\nconnection: close\r\n/i);
    expect(client.received).toMatch(/\r\n\r\nok$/);
    await drained;
  });

  it('serves a request whose head was still arriving when the idle grace ended', async () => {
    const idleGraceMs = 1_000;
    running = await start(10_000, idleGraceMs);
    const client = await open(running.port);
    const drained = running.drain.drain();
    const request = get('/slow-client');
    await sleep(idleGraceMs / 2);
    client.socket.write(request.slice(0, 10));
    // Past the idle grace counted from the drain, well within one counted from the partial head.
    await sleep(idleGraceMs);
    expect(client.closed).toBe(false);
    client.socket.write(request.slice(10));
    await until('the connection is closed', () => client.closed);
    expect(client.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(client.received).toMatch(/\r\nconnection: close\r\n/i);
    expect(client.received).toMatch(/\r\n\r\nok$/);
    await drained;
  });

  it('cuts a request still open when the overall grace passes, and says so', async () => {
    running = await start(300, 100);
    const hung = await open(running.port);
    hung.socket.write(get('/hang'));
    await until('the request is received', () => running!.requests.includes('/hang'));
    await running.drain.drain();
    await until('the connection is closed', () => hung.closed);
    expect(hung.received).toBe('');
    expect(running.expired).toEqual([1]);
  });
});
