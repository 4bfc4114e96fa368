/**
 * Shared mode for several replicas: with `REDIS_URL` set, the quota window, the cache, in-flight leases
 * and replica presence live in Redis, so N replicas spend one upstream budget once. Without it, nothing
 * is started and the pipeline keeps its in-memory stores. Redis being away never stops the gateway: the
 * stores fall back to local decisions (see `state/redis/`), and `/ready` stays ready.
 */
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { RedisConfig } from '../config/redis';
import { registerSharedStateMetrics } from '../upstream/pipeline/state/redis/sharedStateMetrics';
import {
  startRedisSharedState,
  type RedisSharedState,
} from '../upstream/pipeline/state/redis/startRedisSharedState';

export async function startSharedState(
  config: RedisConfig | undefined,
  scope: { projectId?: string; region: string },
  registry: Registry,
  logger: Logger,
): Promise<RedisSharedState | undefined> {
  if (!config) return undefined;
  const shared = await startRedisSharedState({
    config,
    // The project id when configured; else the region (the id is resolved only on first use).
    projectId: scope.projectId ?? scope.region,
    onConnectionChange: (state, error) =>
      state === 'down'
        ? logger.warn(
            { err: error },
            'Redis unreachable: serving from local state, within this replica’s share',
          )
        : logger.info('Redis reachable again: shared state resumes'),
    onModeChange: (mode) => logger.info({ mode }, `quota admission mode: ${mode}`),
  });
  registerSharedStateMetrics(registry, {
    mode: () => shared.admissionWindow.mode,
    liveReplicas: () => shared.heartbeat.liveReplicas,
  });
  logger.info({ keyPrefix: shared.keyPrefix }, 'shared state in Redis');
  return shared;
}
