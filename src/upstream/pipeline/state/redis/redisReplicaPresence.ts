/**
 * Replica presence in Redis: one sorted set per deployment, member = replica id, score = when its last
 * heartbeat runs out (Redis server time, so replica clocks do not matter). A beat refreshes this replica,
 * drops the ones that stopped beating, counts the rest and finds this replica's place among their ids
 * (sorted, so every replica sees the same order), in one script. The set itself expires when every
 * replica has stopped.
 */
import type { Redis } from 'ioredis';

import type { ReplicaPresence } from '../contracts';
import { defineLuaScript, type LuaScript } from './luaScript';

/** KEYS: replica set. ARGV: replica id, ttlMs. → { live replicas, this replica's rank among their ids }. */
const BEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local ttl = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
table.sort(ids)
local rank = 0
for i, id in ipairs(ids) do
  if id == ARGV[1] then rank = i - 1 end
end
return { #ids, rank }
`;

export interface RedisReplicaPresenceOptions {
  redis: Redis;
  /** Namespace of this deployment, e.g. `hwc-gw:<projectId>:`. */
  keyPrefix: string;
}

export class RedisReplicaPresence implements ReplicaPresence {
  private readonly beatScript: LuaScript;

  constructor(private readonly options: RedisReplicaPresenceOptions) {
    this.beatScript = defineLuaScript(options.redis, 'hwcReplicaBeat', BEAT);
  }

  async beat(replicaId: string, ttlMs: number): Promise<{ live: number; rank: number }> {
    const [live, rank] = (await this.beatScript(
      [`${this.options.keyPrefix}replicas`],
      [replicaId, Math.max(1, Math.ceil(ttlMs))],
    )) as [number, number];
    return { live: Math.max(1, live), rank };
  }
}
