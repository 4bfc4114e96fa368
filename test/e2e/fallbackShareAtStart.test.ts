/**
 * A replica that starts while Redis is down has never seen another replica, yet must not take the whole
 * budget: until a heartbeat reaches Redis it assumes `GATEWAY_EXPECTED_REPLICAS` (default 3) and keeps
 * to its share, here one HSS call per API per window of 5. A real gateway process, `REDIS_URL` on a port
 * nobody answers, the simulator enforcing HSS's limit with a shortened window; counts are the simulator's.
 */
import { request } from 'undici';

import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { startGatewayFleet, type GatewayFleet } from '../support/gatewayFleet';
import { RedisServer } from '../support/redisServer';
import { DASHBOARD } from './support/dashboard';

const WINDOW_MS = 2_000;
const MARGIN_MS = 500;
const QUOTA_ENV = {
  HWC_QUOTA_LIMITER: 'on',
  HWC_QUOTA_HSS_WINDOW_MS: String(WINDOW_MS),
  HWC_QUOTA_MARGIN_MS: String(MARGIN_MS),
  HWC_RETRY_BASE_DELAY_MS: '5',
};
const LIST_API = 'hss.listRegistryImages';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Largest number of admission times inside any window of `windowMs`. */
function busiest(times: readonly number[], windowMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('a replica started while Redis is down', () => {
  let simulator: RunningSimulator;
  let fleet: GatewayFleet | undefined;
  let deadRedisUrl: string;

  beforeAll(async () => {
    const redis = await RedisServer.start();
    deadRedisUrl = redis.url;
    await redis.kill(); // nobody answers on that port any more
    simulator = await startSimulator({
      imageCount: 300,
      seed: 11,
      rateLimits: { perMinute: 5, windowMs: WINDOW_MS },
    });
  }, 60_000);
  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });
  afterAll(async () => {
    await simulator?.stop();
  });

  /** Distinct dashboard pages (each needs its own HSS list call) every 200 ms for `ms`; the list API's call times. */
  async function drive(graphqlUrl: string, ms: number): Promise<{ times: number[]; statuses: number[] }> {
    simulator.control.resetCallCounts();
    const began = Date.now();
    const statuses: number[] = [];
    const requests: Promise<void>[] = [];
    for (let k = 0; Date.now() - began < ms; k += 1) {
      requests.push(
        request(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: DASHBOARD,
            variables: { first: 1 + k, filter: { type: 'PRIVATE' } },
          }),
        }).then(async (response) => {
          statuses.push(response.statusCode);
          await response.body.dump();
        }),
      );
      await sleep(200);
    }
    await Promise.all(requests);
    const times = (simulator.control.admittedCallTimes()[LIST_API] ?? []).filter((t) => t >= began);
    return { times, statuses };
  }

  it('keeps to 1/N of the budget with the default expected count (3), not the whole budget', async () => {
    fleet = await startGatewayFleet({ count: 1, simulator, redisUrl: deadRedisUrl, env: QUOTA_ENV });
    const { times, statuses } = await drive(fleet.gateways[0]!.graphqlUrl, 3 * (WINDOW_MS + MARGIN_MS));
    expect(statuses.every((status) => status === 200)).toBe(true); // served (partial data), never refused
    expect(times.length).toBeGreaterThanOrEqual(2); // it does call: one per window
    // floor(5 / 3) = 1 call per window; alone it would have taken all 5.
    expect(busiest(times, WINDOW_MS)).toBe(1);
    expect(simulator.control.throttledCounts()).toEqual({});
  }, 60_000);

  it('takes the share GATEWAY_EXPECTED_REPLICAS gives (1 → the whole budget)', async () => {
    fleet = await startGatewayFleet({
      count: 1,
      simulator,
      redisUrl: deadRedisUrl,
      env: { ...QUOTA_ENV, GATEWAY_EXPECTED_REPLICAS: '1' },
    });
    const { times } = await drive(fleet.gateways[0]!.graphqlUrl, 2 * (WINDOW_MS + MARGIN_MS));
    expect(busiest(times, WINDOW_MS + MARGIN_MS)).toBeGreaterThan(1);
    expect(busiest(times, WINDOW_MS)).toBeLessThanOrEqual(5);
  }, 60_000);
});
