import type { Redis } from 'ioredis';

import {
  createRedisConnection,
  whenReady,
} from '../../../../../src/upstream/pipeline/state/redis/redisConnection';
import type { RedisServer } from '../../../../support/redisServer';

/**
 * A ready connection as the gateway makes it (offline queue off, bounded command timeouts), tracked in
 * `connections` so the suite can close them all.
 */
export async function connectTo(
  server: RedisServer,
  connections: Redis[],
  commandTimeoutMs = 1000,
): Promise<Redis> {
  const redis = createRedisConnection(server.url, { commandTimeoutMs });
  connections.push(redis);
  await whenReady(redis, 5000);
  return redis;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
