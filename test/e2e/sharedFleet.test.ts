/**
 * Three gateway processes sharing one Redis behave as one gateway, against one simulator enforcing
 * HSS's limit (5 calls per API per window; the window shortened to 3 s on both sides so that several
 * windows pass in seconds). Call counts are the simulator's own.
 */
import { request } from 'undici';

import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { startGatewayFleet, type GatewayFleet } from '../support/gatewayFleet';
import { RedisServer } from '../support/redisServer';
import { serviceCalls } from './harness';
import { DASHBOARD, type Dashboard } from './support/dashboard';

const WINDOW_MS = 3_000;
const QUOTA_ENV = {
  HWC_QUOTA_LIMITER: 'on',
  HWC_QUOTA_HSS_WINDOW_MS: String(WINDOW_MS),
  HWC_QUOTA_MARGIN_MS: '1000',
  HWC_RETRY_BASE_DELAY_MS: '5',
};

interface Answer {
  status: number;
  body: { data?: Dashboard | null; errors?: { extensions?: { code?: string } }[] };
}

async function post(graphqlUrl: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await request(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DASHBOARD, variables }),
  });
  return { status: response.statusCode, body: (await response.body.json()) as Answer['body'] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** No 429 from the simulator, and no window of `WINDOW_MS` ever held more than 5 calls of one API. */
function expectWithinLimit(simulator: RunningSimulator): void {
  expect(simulator.control.throttledCounts()).toEqual({});
  for (const [route, times] of Object.entries(simulator.control.admittedCallTimes())) {
    const list = times ?? [];
    const busiest = Math.max(
      0,
      ...list.map((start) => list.filter((t) => t >= start && t < start + WINDOW_MS).length),
    );
    expect({ route, busiest: Math.min(busiest, 6) }).toEqual({ route, busiest: Math.min(busiest, 5) });
  }
}

describe('three replicas, one Redis, one quota', () => {
  let redis: RedisServer;
  let simulator: RunningSimulator;
  let fleet: GatewayFleet;
  const url = (replica: number) => fleet.gateways[replica]!.graphqlUrl;

  beforeAll(async () => {
    redis = await RedisServer.start();
    simulator = await startSimulator({
      imageCount: 300,
      seed: 7,
      scanDurationMs: 200,
      rateLimits: { perMinute: 5, windowMs: WINDOW_MS },
    });
    fleet = await startGatewayFleet({ count: 3, simulator, redisUrl: redis.url, env: QUOTA_ENV });
  }, 120_000);
  afterAll(async () => {
    await fleet?.stop();
    await simulator?.stop();
    await redis?.stop();
  });

  it('serves a dashboard loaded through A from the shared cache on B and C, with zero upstream calls', async () => {
    const page = { first: 5, filter: { type: 'PRIVATE' } };
    const first = await post(url(0), page);
    expect(first.body.errors).toBeUndefined();
    simulator.control.resetCallCounts();
    const [b, c] = await Promise.all([post(url(1), page), post(url(2), page)]);
    expect(b.body).toEqual(first.body);
    expect(c.body).toEqual(first.body);
    expect(serviceCalls(simulator.control.callCounts() as Record<string, number>)).toEqual({});
  }, 60_000);

  it('costs the calls of one when the same cold dashboard is asked of all three at the same moment', async () => {
    await sleep(WINDOW_MS + 1_000);
    simulator.control.resetCallCounts();
    const page = { first: 5, filter: { type: 'SHARED' } };
    const answers = await Promise.all([post(url(0), page), post(url(1), page), post(url(2), page)]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.errors).toBeUndefined();
    const scanned = answers[0]!.body.data!.containerImages.nodes.filter(
      (node) => node.scan.lastScannedAt,
    ).length;
    const calls = serviceCalls(simulator.control.callCounts() as Record<string, number>);
    expect(calls['hss.listRegistryImages']).toBe(1);
    expect(calls['hss.showImageFilesStat'] ?? 0).toBe(scanned);
    expect(calls['hss.listImageApps'] ?? 0).toBe(scanned);
  }, 60_000);

  it('makes B fetch fresh after a scan through A', async () => {
    await sleep(WINDOW_MS + 1_000);
    const page = { first: 5, filter: { type: 'PRIVATE' } };
    const before = await post(url(1), page);
    const target = before.body.data!.containerImages.nodes.find((node) => node.scan.status === 'SUCCESS')!;
    const scan = await request(url(0), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: ScanImagesInput!) { scanImages(input: $input) { accepted } }',
        variables: {
          input: {
            imageType: 'PRIVATE',
            images: [{ namespace: target.namespace, name: target.name, tag: target.tag }],
          },
        },
      }),
    });
    expect(await scan.body.json()).toEqual({ data: { scanImages: { accepted: true } } });
    const reference = {
      type: 'private_image' as const,
      namespace: target.namespace,
      name: target.name,
      tag: target.tag,
    };
    const deadline = Date.now() + 5_000;
    while (
      simulator.control.dataset.findImage(reference)!.scan_status === 'scanning' &&
      Date.now() < deadline
    ) {
      await sleep(50);
    }
    const rescanned = simulator.control.dataset.findImage(reference)!;
    await sleep(WINDOW_MS + 1_000);
    simulator.control.resetCallCounts();
    const after = await post(url(1), page);
    const row = after.body.data!.containerImages.nodes.find((node) => node.id === target.id)!;
    expect(row.scan.lastScannedAt).toBe(new Date(rescanned.latest_scan_time).toISOString());
    expect(row.scan.lastScannedAt).not.toBe(target.scan.lastScannedAt);
    // B fetched the list again (the scan's invalidation reached it) and the rescanned image's joins.
    const calls = serviceCalls(simulator.control.callCounts() as Record<string, number>);
    expect(calls['hss.listRegistryImages']).toBe(1);
    expect(calls['hss.showImageFilesStat']).toBe(1);
    expect(calls['hss.listImageApps']).toBe(1);
  }, 60_000);

  it('stays within the limit across the fleet under concurrent dashboards for more than two windows', async () => {
    await sleep(WINDOW_MS + 1_000);
    simulator.control.resetCallCounts();
    const until = Date.now() + 2.5 * WINDOW_MS;
    const types = ['PRIVATE', 'SHARED', 'ENTERPRISE', 'HARBOR'];
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, client) => {
        for (let round = 0; Date.now() < until; round += 1) {
          const page = { first: 10 + (round % 3) * 5, filter: { type: types[(client + round) % 4] } };
          statuses.push((await post(url(client % 3), page)).status);
        }
      }),
    );
    expect(statuses.length).toBeGreaterThan(6);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expectWithinLimit(simulator);
  }, 60_000);

  it('keeps answering when Redis dies mid-load, within each replica’s share, and shares again after it returns', async () => {
    await sleep(WINDOW_MS + 1_000);
    simulator.control.resetCallCounts();
    const until = Date.now() + 2 * WINDOW_MS;
    const statuses: number[] = [];
    const load = Promise.all(
      Array.from({ length: 3 }, async (_, client) => {
        for (let round = 0; Date.now() < until; round += 1) {
          const page = { first: 5 + (round % 4) * 5, filter: { type: round % 2 ? 'PRIVATE' : 'SHARED' } };
          statuses.push((await post(url(client), page)).status);
        }
      }),
    );
    await sleep(500);
    await redis.kill();
    await load;
    expect(statuses.every((status) => status === 200)).toBe(true);
    expectWithinLimit(simulator);

    await redis.restart();
    // Back in shared mode without a restart: the mode gauge says so on every replica.
    const deadline = Date.now() + 20_000;
    for (const gateway of fleet.gateways) {
      const metricsUrl = gateway.graphqlUrl.replace(/\/graphql$/, '/metrics');
      for (;;) {
        const text = await (await request(metricsUrl)).body.text();
        if (text.includes('gateway_shared_state_mode{mode="shared"} 1')) break;
        if (Date.now() > deadline) throw new Error(`${gateway.name} did not return to shared mode`);
        await sleep(200);
      }
    }
  }, 90_000);
});
