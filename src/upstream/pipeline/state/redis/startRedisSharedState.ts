/**
 * Everything one replica needs for shared mode, from `REDIS_URL`: two connections (commands, and the
 * pub/sub subscriber the in-flight leases need), the admission window with its local fallback, the
 * cache store, the leases and the presence heartbeat. Redis being away at start is not an error: the
 * replica starts, decides locally, and joins in when Redis answers.
 */
import { DEFAULTS } from '../../../../config/defaults';
import type { RedisConfig } from '../../../../config/redis';
import { FallbackAdmissionWindow, type AdmissionMode } from './fallbackAdmissionWindow';
import { RedisAdmissionWindow } from './redisAdmissionWindow';
import { RedisCacheStore } from './redisCacheStore';
import { createRedisConnection, defaultRedisKeyPrefix, whenReady } from './redisConnection';
import { RedisInflightLeases } from './redisInflightLeases';
import { RedisReplicaPresence } from './redisReplicaPresence';
import { ReplicaHeartbeat } from './replicaHeartbeat';

export interface RedisSharedStateOptions {
  config: RedisConfig;
  /** For the default key prefix (`hwc-gw:<projectId>:`) when `REDIS_KEY_PREFIX` is unset. */
  projectId: string;
  replicaId?: string;
  heartbeatIntervalMs?: number;
  /** How long start-up waits for a first connection before going on without (default `DEFAULTS.redis.readyTimeoutMs`). */
  readyTimeoutMs?: number;
  /** Redis became unreachable (`down`, once per outage, with the error) or reachable again (`up`). */
  onConnectionChange?: (state: 'up' | 'down', error?: Error) => void;
  onModeChange?: (mode: AdmissionMode, error?: unknown) => void;
}

export interface RedisSharedState {
  readonly keyPrefix: string;
  readonly admissionWindow: FallbackAdmissionWindow;
  readonly cacheStore: RedisCacheStore;
  readonly inflightLeases: RedisInflightLeases;
  readonly heartbeat: ReplicaHeartbeat;
  /** Stops the heartbeat and closes both connections. */
  close(): Promise<void>;
}

export async function startRedisSharedState(options: RedisSharedStateOptions): Promise<RedisSharedState> {
  const { config } = options;
  const keyPrefix = config.keyPrefix ?? defaultRedisKeyPrefix(options.projectId);
  let reachable = true;
  const onError = (error: Error): void => {
    // ioredis reports every failed reconnect attempt; report the outage once.
    if (!reachable) return;
    reachable = false;
    options.onConnectionChange?.('down', error);
  };
  const connect = (role: string) =>
    createRedisConnection(config.url, {
      commandTimeoutMs: config.commandTimeoutMs,
      connectionName: `${keyPrefix}${role}`,
      onError,
    });
  const redis = connect('commands');
  const subscriber = connect('subscriber');
  redis.on('ready', () => {
    if (reachable) return;
    reachable = true;
    options.onConnectionChange?.('up');
  });
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULTS.redis.readyTimeoutMs;
  await Promise.all(
    [redis, subscriber].map((connection) => whenReady(connection, readyTimeoutMs).catch(() => undefined)),
  );

  const heartbeat = new ReplicaHeartbeat({
    presence: new RedisReplicaPresence({ redis, keyPrefix }),
    expectedReplicas: config.expectedReplicas,
    ...(options.replicaId !== undefined && { replicaId: options.replicaId }),
    ...(options.heartbeatIntervalMs !== undefined && { intervalMs: options.heartbeatIntervalMs }),
  });
  await heartbeat.start();
  const inflightLeases = new RedisInflightLeases({ redis, subscriber, keyPrefix });

  return {
    keyPrefix,
    admissionWindow: new FallbackAdmissionWindow({
      shared: new RedisAdmissionWindow({ redis, keyPrefix }),
      liveReplicas: () => heartbeat.liveReplicas,
      replicaRank: () => heartbeat.rank,
      ...(options.onModeChange && { onModeChange: options.onModeChange }),
    }),
    cacheStore: new RedisCacheStore({ redis, keyPrefix, maxValueBytes: config.cacheMaxValueBytes }),
    inflightLeases,
    heartbeat,
    close: async () => {
      heartbeat.stop();
      await inflightLeases.close();
      await Promise.all([
        redis.quit().catch(() => redis.disconnect()),
        subscriber.quit().catch(() => subscriber.disconnect()),
      ]);
    },
  };
}
