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

/** Largest number of admission times inside any half-open window of `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
