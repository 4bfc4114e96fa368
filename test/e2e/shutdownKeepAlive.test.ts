/**
 * SIGTERM and keep-alive connections, on the real entry point in a child process. A request that reaches
 * the gateway on a connection it still holds open is answered in full, with `Connection: close`; idle
 * connections are closed only after GATEWAY_SHUTDOWN_IDLE_GRACE_MS, and a gateway with nothing in flight
 * exits then, not at the end of GATEWAY_SHUTDOWN_GRACE_MS.
 */
import { connect, type Socket } from 'node:net';
import { Client } from 'undici';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { startGatewayProcess, type GatewayProcess } from './support/gatewayProcess';
import { sleep, waitUntil } from './support/observe';

jest.setTimeout(120_000);

interface PageOfImages {
  productImages: { totalCount: number; nodes: { imageId: string }[] };
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: { data?: PageOfImages | null; errors?: unknown[] };
}

const page = (first: number) => `{ productImages(first: ${first}) { totalCount nodes { imageId } } }`;

/** POSTs a GraphQL query on `client`'s connection, tagged with our own request id to find it in the log. */
async function post(client: Client, query: string, requestId: string): Promise<Answer> {
  const response = await client.request({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query }),
  });
  const connection = response.headers['connection'];
  return {
    status: response.statusCode,
    connection: Array.isArray(connection) ? connection.join(',') : connection,
    body: (await response.body.json()) as Answer['body'],
  };
}

/** One undici client: one connection at a time, and a count of the connections it opened. */
function trackedClient(url: string): { client: Client; connects: () => number } {
  const client = new Client(url, { pipelining: 1 });
  let connects = 0;
  client.on('connect', () => (connects += 1));
  return { client, connects: () => connects };
}

const shuttingDown = (gateway: GatewayProcess) =>
  waitUntil('"shutting down" is logged', () => gateway.lines.some((line) => line.msg === 'shutting down'), {
    timeoutMs: 30_000,
  });

/** Lines that would mean a request was cut after the gateway accepted it. */
const cutRequests = (gateway: GatewayProcess) =>
  gateway.lines.filter(
    (line) =>
      line.msg === 'request cancelled' ||
      JSON.stringify(line['errorCodes'] ?? {}).includes('CLIENT_CLOSED_REQUEST'),
  );

describe('SIGTERM with keep-alive connections open', () => {
  let simulator: RunningSimulator;
  let gateway: GatewayProcess | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    simulator = await startSimulator({ imageCount: 50 });
  });
  afterEach(async () => {
    gateway?.stop();
    gateway = undefined;
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
    simulator.control.setLatency('*', null);
  });
  afterAll(() => simulator.stop());

  it('answers a request that arrives on an idle kept-alive connection after the signal, with Connection: close', async () => {
    const started = await startGatewayProcess(simulator, {
      GATEWAY_SHUTDOWN_GRACE_MS: '20000',
      GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '5000',
    });
    gateway = started;
    const { client, connects } = trackedClient(started.url);
    clients.push(client);

    const before = await post(client, page(5), 'keep-alive-first');
    expect(before.status).toBe(200);
    expect(before.body.data?.productImages.nodes).toHaveLength(5);

    // The connection is idle now. The drain starts; the client, not knowing, reuses its connection.
    started.kill('SIGTERM');
    await shuttingDown(started);
    await sleep(50);
    const after = await post(client, page(5), 'keep-alive-second');

    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(after.connection).toBe('close');
    expect(connects()).toBe(1);
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(cutRequests(started)).toEqual([]);
  });

  it('answers every request of a burst around the signal that the gateway accepted; the rest are refused at connection', async () => {
    const started = await startGatewayProcess(simulator, {
      GATEWAY_SHUTDOWN_GRACE_MS: '20000',
      GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '5000',
    });
    gateway = started;
    const warm = Array.from({ length: 12 }, () => trackedClient(started.url));
    const cold = Array.from({ length: 6 }, () => trackedClient(started.url));
    clients.push(...[...warm, ...cold].map(({ client }) => client));

    // The whole list, which every page of the burst must be a prefix of; each warm client's connection
    // is open and idle after it.
    const whole = await post(warm[0]!.client, page(50), 'burst-whole');
    expect(whole.status).toBe(200);
    const expected = whole.body.data!.productImages;
    await Promise.all(warm.slice(1).map(({ client }, k) => post(client, page(50), `burst-warm-up-${k}`)));
    expect(warm.map(({ connects }) => connects())).toEqual(warm.map(() => 1));

    // Slow upstream answers keep the first half of the burst in flight when the signal arrives.
    simulator.control.setLatency('workspace.listProductImages', { fixedMs: 500 });
    interface Outcome {
      requestId: string;
      first: number;
      held: boolean;
      afterSignal: boolean;
      answer?: Answer;
      errorCode?: string;
    }
    const outcomes: Promise<Outcome>[] = [];
    let first = 0;
    const send = (client: Client, held: boolean, afterSignal: boolean) => {
      first += 1;
      const requestId = `burst-${held ? 'held' : 'new'}-${first}`;
      const base = { requestId, first, held, afterSignal };
      outcomes.push(
        post(client, page(first), requestId).then(
          (answer) => ({ ...base, answer }),
          (error: { code?: string }) => ({ ...base, errorCode: error.code ?? String(error) }),
        ),
      );
    };
    for (const { client } of warm.slice(0, 6)) send(client, true, false);
    for (const { client } of cold.slice(0, 3)) send(client, false, false);
    started.kill('SIGTERM');
    await shuttingDown(started);
    for (const [k, { client }] of warm.slice(6).entries()) {
      send(client, true, true);
      if (k < cold.length - 3) send(cold[3 + k]!.client, false, true);
      await sleep(15);
    }
    const settled = await Promise.all(outcomes);

    const rightAnswer = (outcome: Outcome) => ({
      status: 200,
      data: {
        productImages: { totalCount: expected.totalCount, nodes: expected.nodes.slice(0, outcome.first) },
      },
    });
    const seen = (outcome: Outcome) => ({
      status: outcome.answer?.status,
      data: outcome.answer?.body.data,
    });
    // On a connection the gateway held: always a complete answer, on that same connection.
    for (const outcome of settled.filter(({ held }) => held)) {
      expect({ requestId: outcome.requestId, errorCode: outcome.errorCode }).toEqual({
        requestId: outcome.requestId,
        errorCode: undefined,
      });
      expect(seen(outcome)).toEqual(rightAnswer(outcome));
      if (outcome.afterSignal) expect(outcome.answer?.connection).toBe('close');
    }
    expect(warm.map(({ connects }) => connects())).toEqual(warm.map(() => 1));
    // On a new connection: a complete answer, or refused before the gateway saw the request. After the
    // signal the gateway no longer accepts connections at all.
    for (const outcome of settled.filter(({ held }) => !held)) {
      if (outcome.answer && !outcome.afterSignal) {
        expect(seen(outcome)).toEqual(rightAnswer(outcome));
      } else {
        expect({ requestId: outcome.requestId, answered: outcome.answer !== undefined }).toEqual({
          requestId: outcome.requestId,
          answered: false,
        });
        expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET']).toContain(outcome.errorCode);
        expect(started.lines.filter((line) => line.requestId === outcome.requestId)).toEqual([]);
      }
    }
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(cutRequests(started)).toEqual([]);
    expect(started.lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('closes idle connections after the idle grace and exits then, long before the overall grace', async () => {
    const idleGraceMs = 1500;
    const overallGraceMs = 60_000;
    const started = await startGatewayProcess(simulator, {
      GATEWAY_SHUTDOWN_GRACE_MS: String(overallGraceMs),
      GATEWAY_SHUTDOWN_IDLE_GRACE_MS: String(idleGraceMs),
    });
    gateway = started;
    // A raw socket: it never closes on its own, so only the gateway can end it.
    const idle = await keptAliveSocket(started.url);

    const signalled = Date.now();
    const closedBy = new Promise<number>((resolve) => idle.once('close', () => resolve(Date.now())));
    started.kill('SIGTERM');
    const exited = await started.exited;
    const exitedAt = Date.now();

    expect(exited).toEqual({ code: 0, signal: null });
    // Held through the idle grace (timers never fire early; the signal left after `signalled`)...
    expect((await closedBy) - signalled).toBeGreaterThanOrEqual(idleGraceMs - 5);
    // ...and not kept until the overall grace: nothing was in flight.
    expect(exitedAt - signalled).toBeLessThan(overallGraceMs / 2);
  });
});

/** A TCP connection that has carried one complete keep-alive request (GET /health) and is now idle. */
async function keptAliveSocket(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(`GET /health HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
  let received = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const headerEnd = received.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(received);
      const complete = length
        ? headerEnd !== -1 && received.length >= headerEnd + 4 + Number(length[1])
        : received.endsWith('\r\n0\r\n\r\n'); // the last chunk of a chunked body
      if (complete) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  expect(received).toMatch(/^HTTP\/1\.1 200 /);
  expect(received).not.toMatch(/connection: close/i);
  socket.on('error', () => undefined);
  return socket;
}
