/**
 * Upstream connections opened before listening (HWC_PREOPEN_CONNECTIONS): the gateway opens them without
 * sending a request, and its first page travels on them instead of opening its own. The HSS, SWR and
 * Workspace endpoints are reached through a TCP proxy that counts the connections it accepts.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { startGateway, type RunningGateway } from '../../src/server/createGateway';
import { remoteUpstreamTarget } from '../../src/server/upstreamTarget';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { operation, serviceCalls, upstreamEnvFor } from './harness';
import { waitUntil } from './support/observe';

jest.setTimeout(60_000);

/** Forwards every connection to `targetPort` and counts them. */
async function countingProxy(
  targetPort: number,
): Promise<{ url: string; accepted(): number; close(): Promise<void> }> {
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('upstream connections opened before listening', () => {
  let simulator: RunningSimulator;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let gateway: RunningGateway | undefined;

  beforeEach(async () => {
    simulator = await startSimulator({ imageCount: 60 });
    proxy = await countingProxy(Number(new URL(simulator.url).port));
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await proxy.close();
    await simulator.stop();
  });

  async function start(preopen: string): Promise<RunningGateway> {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...upstreamEnvFor(simulator),
      // IAM stays direct: only the service origin's connections are counted.
      HWC_HSS_ENDPOINT: proxy.url,
      HWC_SWR_ENDPOINT: proxy.url,
      HWC_WORKSPACE_ENDPOINT: proxy.url,
      HWC_QUOTA_LIMITER: 'off',
      HWC_PREOPEN_CONNECTIONS: preopen,
      GATEWAY_WARMUP_ROUNDS: '0',
      GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '0',
    });
    gateway = await startGateway(config, remoteUpstreamTarget(config), { logger: pino({ level: 'silent' }) });
    return gateway;
  }

  async function dashboard(target: RunningGateway): Promise<{ nodes: unknown[] }> {
    const response = await fetch(target.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation('ImageDashboard'), variables: { first: 20 } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { containerImages: { nodes: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    return body.data.containerImages;
  }

  it('are open when the gateway listens, carry no request, and the first page opens no connection of its own', async () => {
    const target = await start('50');

    // More than the page sends at once (20 file statistics, 20 software lists, 1 SWR page). The gateway's
    // side of each connection is established; the proxy's accept runs a turn later.
    await waitUntil('the proxy accepted 50 connections', () => proxy.accepted() === 50, {
      timeoutMs: 2_000,
      intervalMs: 5,
    });
    expect(serviceCalls(simulator.control.callCounts() as Record<string, number>)).toEqual({});

    const page = await dashboard(target);
    expect(page.nodes).toHaveLength(20);
    expect(proxy.accepted()).toBe(50);
  });

  it('are none with HWC_PREOPEN_CONNECTIONS=0: the first page opens its connections itself', async () => {
    const target = await start('0');
    expect(proxy.accepted()).toBe(0);

    await dashboard(target);
    expect(proxy.accepted()).toBeGreaterThan(1);
  });
});
