/**
 * The cache shared by every replica: each entry is one Redis string (the `CacheEntry` as JSON, policy
 * times included) with a PX TTL, so Redis drops it when the entry's life ends (`staleUntil`, as `useCache`
 * passes it) and nothing in the cache lives without an expiry.
 *
 * Tag invalidation: per tag, a sorted set of the entry keys carrying it, scored by when each entry expires.
 * `invalidateTags` deletes the listed entries in one script, so after a scan through replica A, replica B's
 * next read is a miss and it fetches fresh. Chosen over a per-tag version counter checked on every read
 * because reads are the hot path (one GET, no extra lookups), invalidations are rare (scans), the entries'
 * memory is freed at once instead of lingering until their TTL, and the deleted count is exact. The index
 * stays bounded: every write prunes members whose entries have expired, and each index key expires with
 * its longest-lived entry.
 *
 * Scripts touch entry keys they did not declare, so this store needs a single Redis (a primary, with
 * replicas or Sentinel if wanted), not Redis Cluster.
 *
 * Clock note: `freshUntil`/`staleUntil` are the writer's epoch ms and readers compare them with their own
 * clocks; replicas are expected to run NTP (seconds of skew shift freshness by seconds, nothing more).
 */
import type { Redis } from 'ioredis';

import type { CacheEntry, CacheStore } from '../cacheStore';
import { defineLuaScript, type LuaScript } from './luaScript';

/** KEYS: entry, tag indexes. ARGV: JSON, ttlMs. */
const SET_ENTRY = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
for i = 2, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
  redis.call('ZADD', KEYS[i], now + ttl, KEYS[1])
  if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return 0
`;

/** KEYS: tag indexes. → how many entries were deleted. */
const INVALIDATE_TAGS = `
local deleted = 0
for i = 1, #KEYS do
  for _, key in ipairs(redis.call('ZRANGE', KEYS[i], 0, -1)) do
    deleted = deleted + redis.call('DEL', key)
  end
  redis.call('DEL', KEYS[i])
end
return deleted
`;

export interface RedisCacheStoreOptions {
  redis: Redis;
  /** Namespace of this deployment, e.g. `hwc-gw:<projectId>:`. */
  keyPrefix: string;
  /** An entry whose JSON is larger than this is not stored (and an older value under its key is dropped). */
  maxValueBytes: number;
}

export class RedisCacheStore implements CacheStore {
  private readonly setScript: LuaScript;
  private readonly invalidateScript: LuaScript;

  constructor(private readonly options: RedisCacheStoreOptions) {
    this.setScript = defineLuaScript(options.redis, 'hwcCacheSet', SET_ENTRY);
    this.invalidateScript = defineLuaScript(options.redis, 'hwcCacheInvalidateTags', INVALIDATE_TAGS);
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const json = await this.options.redis.get(this.entryKey(key));
    if (json === null) return undefined;
    const entry = parseEntry(json);
    // Unreadable (another version's format, or damaged): a miss, and the value goes.
    if (!entry) await this.options.redis.del(this.entryKey(key));
    return entry;
  }

  async set(key: string, entry: CacheEntry, ttlMs: number): Promise<void> {
    const json = JSON.stringify(entry);
    if (Buffer.byteLength(json) > this.options.maxValueBytes) {
      // Refused; an older value under this key would now be the outdated one, so it goes too.
      await this.options.redis.del(this.entryKey(key));
      return;
    }
    const tagKeys = [...new Set(entry.tags)].map((tag) => this.tagKey(tag));
    await this.setScript([this.entryKey(key), ...tagKeys], [json, Math.max(1, Math.ceil(ttlMs))]);
  }

  async delete(key: string): Promise<void> {
    await this.options.redis.del(this.entryKey(key));
  }

  async invalidateTags(tags: readonly string[]): Promise<number> {
    if (tags.length === 0) return 0;
    return (await this.invalidateScript(
      [...new Set(tags)].map((tag) => this.tagKey(tag)),
      [],
    )) as number;
  }

  private entryKey(key: string): string {
    return `${this.options.keyPrefix}cache:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.options.keyPrefix}cache-tag:${tag}`;
  }
}

function parseEntry(json: string): CacheEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Partial<CacheEntry>;
  const wellFormed =
    typeof entry.result === 'object' &&
    entry.result !== null &&
    typeof entry.storedAt === 'number' &&
    typeof entry.freshUntil === 'number' &&
    typeof entry.staleUntil === 'number' &&
    Array.isArray(entry.tags);
  return wellFormed ? (entry as CacheEntry) : undefined;
}
