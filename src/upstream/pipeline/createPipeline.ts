/**
 * The gateway's resilience middlewares, assembled from one config (DESIGN §2):
 *
 *   outer: cache → coalescing → circuit breaker      (then the colleague's retry)
 *   inner: quota limiter                              (then the HTTP core)
 *
 *   composePipeline([...resilience.outer, useRetry(...), ...resilience.inner], httpCore)
 */
import type { UpstreamMetrics } from '../metrics';
import type { UpstreamMiddleware } from '../upstreamCall';
import type { CacheStore } from './state/cacheStore';
import type { Clock } from './clock';
import { MemoryCacheStore } from './state/memoryCacheStore';
import { useCache, type UseCacheOptions } from './useCache';
import { useCircuitBreaker, type CircuitBreaker } from './useCircuitBreaker';
import { useCoalescing } from './useCoalescing';
import { useQuotaLimiter, type QuotaLimiter, type RateLimits } from './useQuotaLimiter';

export type { CacheEntry, CacheStore } from './state/cacheStore';
export type { Clock } from './clock';
export { deferredCompletionOf, rateLimitedError, type DeferredCompletion } from './deferredCompletion';
export { MemoryCacheStore, type MemoryCacheStoreOptions } from './state/memoryCacheStore';
export { TokenBucket, type RateLimit } from './tokenBucket';
export { useCache, type CacheTtls, type UseCacheOptions } from './useCache';
export {
  useCircuitBreaker,
  type BreakerState,
  type CircuitBreaker,
  type CircuitBreakerOptions,
} from './useCircuitBreaker';
export { useCoalescing, type UseCoalescingOptions } from './useCoalescing';
export {
  useQuotaLimiter,
  type QuotaLimiter,
  type QuotaLimiterControls,
  type QuotaLimiterOptions,
  type RateLimits,
} from './useQuotaLimiter';

export interface ResilienceConfig {
  cache: {
    /** Entry bound of the in-memory store. */
    maxEntries: number;
    /** Byte bound of the in-memory store (UTF-8 JSON size of the entries). */
    maxBytes: number;
    immutableTtlMs: number;
    listFreshMs: number;
    listStaleMs: number;
  };
  limiter: {
    /** Initial state; `limiter.setEnabled()` changes it at runtime. */
    enabled: boolean;
    /** Per API (`hss.listImageApps`) or per service (`hss`); `null` or absent: not limited. */
    limits: RateLimits;
    maxWaitMs: number;
    maxQueuePerApi: number;
    backoffMinMs: number;
    backoffMaxMs: number;
  };
  breaker: {
    failureThreshold: number;
    openMs: number;
  };
}

const MINUTE = 60_000;

export const DEFAULT_RESILIENCE_CONFIG: ResilienceConfig = {
  cache: {
    maxEntries: 10_000,
    maxBytes: 64 * 1024 * 1024,
    // Immutable content (a digest's files statistics, its software at one scan time) never changes;
    // a day bounds memory held for images nobody looks at any more.
    immutableTtlMs: 24 * 60 * MINUTE,
    listFreshMs: 30_000,
    listStaleMs: 5 * MINUTE,
  },
  limiter: {
    enabled: true,
    limits: {
      // HSS: at most 5 calls per minute per API per user (docs D4); a burst of all 5, then one per 12 s.
      hss: { capacity: 5, refillPerMinute: 5 },
      // SWR and Workspace: only the API gateway default of 200 req/s per API applies.
      swr: { capacity: 200, refillPerMinute: 200 * 60 },
      workspace: { capacity: 200, refillPerMinute: 200 * 60 },
      // IAM: no documented number; tokens are cached, so it is not limited here.
    },
    // Long enough to absorb a near-simultaneous refill, short enough that a GraphQL response is not held.
    maxWaitMs: 250,
    // 100 queued HSS warm-ups is 20 minutes of HSS budget for one API; beyond that, refuse without queueing.
    maxQueuePerApi: 100,
    // The docs suggest retrying after 2–5 s with exponential backoff; HSS's refill interval (12 s) dominates.
    backoffMinMs: 2_000,
    backoffMaxMs: MINUTE,
  },
  breaker: {
    failureThreshold: 5,
    openMs: 30_000,
  },
};

/** Any subset of the config; each section is merged over the defaults (and `limits` key by key). */
export interface ResilienceConfigInput {
  cache?: Partial<ResilienceConfig['cache']>;
  limiter?: Partial<ResilienceConfig['limiter']>;
  breaker?: Partial<ResilienceConfig['breaker']>;
}

export function resolveResilienceConfig(input: ResilienceConfigInput = {}): ResilienceConfig {
  const defaults = DEFAULT_RESILIENCE_CONFIG;
  return {
    cache: { ...defaults.cache, ...input.cache },
    limiter: {
      ...defaults.limiter,
      ...input.limiter,
      limits: { ...defaults.limiter.limits, ...input.limiter?.limits },
    },
    breaker: { ...defaults.breaker, ...input.breaker },
  };
}

export interface ResilienceDependencies {
  /** Replaces the in-memory store (e.g. a Redis store shared by replicas). */
  cacheStore?: CacheStore;
  now?: Clock;
  /** Failures of background work (stale refreshes, store errors), for logging. */
  onBackgroundError?: UseCacheOptions['onBackgroundError'];
  isCacheable?: UseCacheOptions['isCacheable'];
}

export interface Resilience {
  /** cache, coalescing, circuit breaker: place before retry. */
  outer: UpstreamMiddleware[];
  /** quota limiter: place after retry, just before the HTTP core. */
  inner: UpstreamMiddleware[];
  cacheStore: CacheStore;
  limiter: QuotaLimiter;
  breaker: CircuitBreaker;
  /** Cancels queued warm-ups and their timers. */
  close(): void;
}

export function createResilience(
  input: ResilienceConfigInput,
  metrics: UpstreamMetrics,
  dependencies: ResilienceDependencies = {},
): Resilience {
  const config = resolveResilienceConfig(input);
  const { now } = dependencies;
  const cacheStore =
    dependencies.cacheStore ??
    new MemoryCacheStore({ maxEntries: config.cache.maxEntries, maxBytes: config.cache.maxBytes });
  const limiter = useQuotaLimiter({ ...config.limiter, metrics, now });
  const breaker = useCircuitBreaker({ ...config.breaker, metrics, now });
  const cache = useCache({
    store: cacheStore,
    immutableTtlMs: config.cache.immutableTtlMs,
    listFreshMs: config.cache.listFreshMs,
    listStaleMs: config.cache.listStaleMs,
    metrics,
    now,
    onBackgroundError: dependencies.onBackgroundError,
    isCacheable: dependencies.isCacheable,
  });
  return {
    outer: [cache, useCoalescing({ metrics }), breaker],
    inner: [limiter],
    cacheStore,
    limiter,
    breaker,
    close: () => limiter.close(),
  };
}
