/**
 * Redis connections for shared state. Shared state must never stall an upstream call: a command without
 * a reply within `commandTimeoutMs` fails, and with the offline queue off a command sent while Redis is
 * away fails at once instead of waiting for a reconnect, so callers fall back to local state quickly. The
 * connection itself reconnects forever with capped, jittered backoff, so shared mode resumes by itself.
 */
import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /** A command without a reply after this rejects ("Command timed out"). */
  commandTimeoutMs: number;
  /** TCP (and TLS) connect timeout per attempt. */
  connectTimeoutMs?: number;
  /** Shown in `CLIENT LIST`, e.g. `hwc-gw:replica-1:commands`. */
  connectionName?: string;
  /** Connection errors (refused, reset, timeouts); every reconnect attempt reports one, so rate-limit logging. */
  onError?: (error: Error) => void;
}

const MAX_RECONNECT_DELAY_MS = 2_000;

/** Reconnect delay: 50 ms doubling up to 2 s, plus up to 20 % jitter so replicas do not reconnect in step. */
export function reconnectDelayMs(attempt: number): number {
  const base = Math.min(MAX_RECONNECT_DELAY_MS, 50 * 2 ** Math.min(attempt - 1, 10));
  return Math.round(base * (1 + Math.random() * 0.2));
}

/**
 * Connects to `url` (`redis://` or `rediss://` for TLS; user, password and database number taken from the
 * URL). For pub/sub, create a second connection: a subscribed connection cannot send other commands.
 */
export function createRedisConnection(url: string, options: RedisConnectionOptions): Redis {
  const redis = new Redis(url, {
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs ?? Math.max(1_000, options.commandTimeoutMs * 4),
    enableOfflineQueue: false,
    // A command in flight when the connection drops fails instead of being resent after a reconnect.
    maxRetriesPerRequest: 0,
    retryStrategy: reconnectDelayMs,
    // After a failover the old primary answers READONLY: reconnect (DNS then points at the new primary).
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
    ...(options.connectionName !== undefined && { connectionName: options.connectionName }),
  });
  // Without a listener ioredis prints every connection error to the console.
  redis.on('error', (error: Error) => options.onError?.(error));
  return redis;
}

/** Resolves once `redis` is ready (or rejects after `timeoutMs`); for start-up and tests. */
export function whenReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis was not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

/** The key prefix when `REDIS_KEY_PREFIX` is unset: one namespace per Huawei Cloud project. */
export function defaultRedisKeyPrefix(projectId: string): string {
  return `hwc-gw:${projectId}:`;
}
