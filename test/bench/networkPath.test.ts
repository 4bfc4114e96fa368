/**
 * The benchmark's network path (bench/networkPath.ts): TLS with a certificate a child process trusts through
 * NODE_EXTRA_CA_CERTS, every byte passed on intact and in order, never sooner than the round trip, each
 * accepted connection counted, the certificate file gone after close; and `--network-rtt` validation.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import { NetworkPath, parseRoundTripMs } from '../../bench/networkPath';

const ROUND_TRIP_MS = 60;

describe('NetworkPath', () => {
  let target: Server;
  let path: NetworkPath;
  const clients: Client[] = [];
  const client = (): Client => {
    // One connection per Client: each new Client is one more connection for the path to accept.
    const created = new Client(path.url, { connect: { ca: path.certificate } });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    target = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.setHeader('content-type', 'application/octet-stream');
        response.end(Buffer.concat([Buffer.from(`${request.method} ${request.url}\n`), ...chunks]));
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    path = await NetworkPath.start({
      targetPort: (target.address() as AddressInfo).port,
      roundTripMs: ROUND_TRIP_MS,
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await path.close();
    await new Promise<void>((resolve) => target.close(() => resolve()));
  });

  it('serves https://localhost with its own certificate and counts each new connection once', async () => {
    expect(path.url).toMatch(/^https:\/\/localhost:\d+$/);
    const before = path.acceptedConnections;
    const first = client();
    for (const name of ['/a', '/b']) {
      const answer = await first.request({ method: 'GET', path: name });
      expect(answer.statusCode).toBe(200);
      expect(await answer.body.text()).toBe(`GET ${name}\n`);
    }
    expect(path.acceptedConnections - before).toBe(1);
    const second = await client().request({ method: 'GET', path: '/c' });
    expect(await second.body.text()).toBe('GET /c\n');
    expect(path.acceptedConnections - before).toBe(2);
  });

  it('delays a request on an open connection by at least the round trip', async () => {
    const open = client();
    await (await open.request({ method: 'GET', path: '/warm' })).body.text();
    const sentAt = performance.now();
    const answer = await open.request({ method: 'GET', path: '/timed' });
    await answer.body.text();
    // Half the round trip each way, never sooner (a lower bound the proxy guarantees, not a performance figure).
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(ROUND_TRIP_MS);
  });

  it('passes a large body both ways intact and in order', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < body.length; i += 4) body.writeUInt32BE(i / 4, i);
    const answer = await client().request({ method: 'POST', path: '/echo', body });
    const received = Buffer.from(await answer.body.arrayBuffer());
    expect(received.subarray(0, 11).toString()).toBe('POST /echo\n');
    expect(received.subarray(11).equals(body)).toBe(true);
  });

  it('is trusted by a child process given serverEnv() (NODE_EXTRA_CA_CERTS), as a server under test is', async () => {
    const env = path.serverEnv();
    expect(Object.keys(env).sort()).toEqual([
      'HWC_HSS_ENDPOINT',
      'HWC_IAM_ENDPOINT',
      'HWC_SWR_ENDPOINT',
      'HWC_WORKSPACE_ENDPOINT',
      'NODE_EXTRA_CA_CERTS',
    ]);
    expect(new Set(Object.values(env).filter((v) => v?.startsWith('https:')))).toEqual(new Set([path.url]));
    const script = `fetch(process.env.HWC_HSS_ENDPOINT + '/child').then((r) => r.text()).then((t) => process.stdout.write(t), (e) => { console.error(e.cause ?? e); process.exit(3); });`;
    const child = spawn(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, output }).toEqual({ code: 0, output: 'GET /child\n' });
  });

  it('removes the certificate file on close', async () => {
    const other = await NetworkPath.start({
      targetPort: (target.address() as AddressInfo).port,
      roundTripMs: 0,
    });
    expect(existsSync(other.certificateFile)).toBe(true);
    await other.close();
    expect(existsSync(other.certificateFile)).toBe(false);
  });
});

describe('parseRoundTripMs (--network-rtt)', () => {
  it.each([
    ['10', 10],
    ['0', 0],
    ['2.5', 2.5],
    ['1000', 1000],
  ])('accepts %s', (text, ms) => {
    expect(parseRoundTripMs(text)).toBe(ms);
  });

  it.each([undefined, '', 'abc', '-1', '10ms', '1e2', '1001', 'Infinity'])(
    'rejects %p, naming the option',
    (text) => {
      expect(() => parseRoundTripMs(text)).toThrow(
        /--network-rtt takes a round trip in milliseconds from 0 to 1000/,
      );
    },
  );
});
