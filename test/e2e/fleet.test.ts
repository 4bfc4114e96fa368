/**
 * The compose topology with processes: three gateway processes configured for shared mode (one Redis),
 * one simulator with HSS's documented rate limits on, requests spread over the three.
 */
import { request } from 'undici';

import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { startGatewayFleet, type GatewayFleet } from '../support/gatewayFleet';
import { RedisServer } from '../support/redisServer';

describe('three gateway processes sharing one Redis', () => {
  let redis: RedisServer;
  let simulator: RunningSimulator;
  let fleet: GatewayFleet | undefined;

  beforeAll(async () => {
    redis = await RedisServer.start();
    simulator = await startSimulator({ imageCount: 50, rateLimits: true });
  });
  afterAll(async () => {
    await fleet?.stop();
    await simulator?.stop();
    await redis?.stop();
  });

  it('start with REDIS_URL, answer through every replica, and stop cleanly on SIGTERM', async () => {
    fleet = await startGatewayFleet({ count: 3, simulator, redisUrl: redis.url });
    expect(new Set(fleet.gateways.map(({ graphqlUrl }) => graphqlUrl)).size).toBe(3);

    for (const { graphqlUrl } of fleet.gateways) {
      const response = await request(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ productImages(first: 1) { totalCount } }' }),
      });
      expect(response.statusCode).toBe(200);
      const body = (await response.body.json()) as { data?: { productImages: { totalCount: number } } };
      expect(body.data?.productImages.totalCount).toBeGreaterThan(0);
    }
    // No log line carries the Redis URL (it may hold a password).
    for (const { logLines } of fleet.gateways) expect(logLines.join('\n')).not.toContain(redis.url);

    const exitCodes = await fleet.stop();
    fleet = undefined;
    expect(exitCodes).toEqual([0, 0, 0]);
  }, 120_000);
});
