/**
 * Shared mode: `REDIS_URL` turns it on (quota window, cache, in-flight leases and replica presence in
 * Redis, so several replicas spend one upstream budget); unset, everything stays in process memory.
 */
import { ConfigError } from './configError';
import { DEFAULTS } from './defaults';
import type { EnvReader } from './readEnv';

export interface RedisConfig {
  /** `redis://` or `rediss://` (TLS), credentials and database number allowed: `rediss://:pw@host:6380/2`. */
  url: string;
  /** Prefix of every key and channel; absent: derived from the project id (`hwc-gw:<projectId>:`). */
  keyPrefix?: string;
  /** A command without a reply after this fails, so a slow Redis degrades to local state instead of stalling calls. */
  commandTimeoutMs: number;
  /** Cache values larger than this (UTF-8 JSON bytes) are not written to Redis. */
  cacheMaxValueBytes: number;
  /** Replicas to assume for the fallback quota share until the first heartbeat reached Redis. */
  expectedReplicas: number;
}

// Printable, no spaces: the prefix is part of every key and appears in `redis-cli` sessions.
const KEY_PREFIX = /^[A-Za-z0-9_.:{}|/-]{1,100}$/;

export function readRedisConfig(read: EnvReader): RedisConfig | undefined {
  const url = read.secret('REDIS_URL')?.trim();
  if (!url) return undefined;
  validateRedisUrl(url);
  return {
    url,
    keyPrefix: read.string('REDIS_KEY_PREFIX', {
      pattern: KEY_PREFIX,
      describe: 'up to 100 letters, digits or _ . : { } | / - (no spaces)',
    }),
    commandTimeoutMs: read.integer('REDIS_COMMAND_TIMEOUT_MS', DEFAULTS.redis.commandTimeoutMs, {
      min: 10,
      max: 60_000,
    }),
    cacheMaxValueBytes: read.integer('REDIS_CACHE_MAX_VALUE_BYTES', DEFAULTS.redis.cacheMaxValueBytes, {
      min: 1024,
      max: 512 * 1024 * 1024,
    }),
    expectedReplicas: read.integer('GATEWAY_EXPECTED_REPLICAS', DEFAULTS.redis.expectedReplicas, {
      min: 1,
      max: 1000,
    }),
  };
}

/** Throws a `ConfigError` naming REDIS_URL; the value is never echoed, since it may carry a password. */
function validateRedisUrl(value: string): void {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(
      'REDIS_URL',
      'must be a URL such as redis://host:6379 or rediss://user:password@host:6380/0',
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must use redis:// or rediss:// (TLS), got "${parsed.protocol}//"`);
  }
  if (parsed.hostname === '') throw new ConfigError('REDIS_URL', 'must name a host');
  if (!/^(\/(\d{1,5})?)?$/.test(parsed.pathname)) {
    throw new ConfigError('REDIS_URL', 'may only have a database number as its path, e.g. /0');
  }
  if (parsed.search || parsed.hash) throw new ConfigError('REDIS_URL', 'must not have a query or fragment');
}
