/**
 * The upstream call pipeline, assembled in its one order. Every call to Huawei Cloud passes these
 * middlewares, outermost first, then the HTTP core:
 *
 * - tracing (when on): a span per call, annotated by the middlewares below;
 * - cache: answers what the call's cache policy allows, and serves an older value when a call fails;
 * - coalescing: identical in-flight calls share one upstream call (and one slot of quota);
 * - circuit breaker: fails fast for an API that keeps failing;
 * - retry: re-runs idempotent calls that a second attempt can fix; each attempt passes the limiter;
 * - quota limiter: admits at most the documented calls per API per window, queues the rest as warm-ups.
 */
import { DEFAULTS } from '../../config/defaults';
import type { Logger } from 'pino';
import type { Tracer } from '@opentelemetry/api';
import type { UpstreamMetrics } from '../metrics';
import { composePipeline, type UpstreamHandler, type UpstreamCall } from '../upstreamCall';
import { systemClock, type Clock } from './clock';
import type { QuotaLimits } from './quota/quotaLimits';
import { checkQuotaLimits, limitOf } from './quota/quotaLimits';
import type { AdmissionWindow, InflightLeases, QuotaUsage } from './state/contracts';
import type { CacheStore } from './state/cacheStore';
import { InvalidationEpoch } from './state/invalidationEpoch';
import { MemoryAdmissionWindow } from './state/memoryAdmissionWindow';
import { MemoryCacheStore } from './state/memoryCacheStore';
import { useCache, type UseCacheOptions } from './useCache';
import { useCircuitBreaker, type CircuitBreaker } from './useCircuitBreaker';
import { useCoalescing } from './useCoalescing';
import { useQuotaLimiter, type QuotaLimiter } from './useQuotaLimiter';
import { useRetry } from './useRetry';
import { useTracing } from './useTracing';

type Defaults = typeof DEFAULTS.pipeline;
type Widen<T> = {
  -readonly [K in keyof T]: T[K] extends number ? number : T[K] extends boolean ? boolean : T[K];
};

export interface PipelineConfig {
  cache: Widen<Defaults['cache']>;
  quota: Omit<Widen<Defaults['quota']>, 'hss' | 'swr' | 'workspace'> & {
    /** Per API (`hss.listImageApps`) or per service (`hss`), window margin included; null: not limited. */
    limits: QuotaLimits;
  };
  breaker: Widen<Defaults['breaker']>;
  retry: Widen<Defaults['retry']>;
  coalescing: Widen<Defaults['coalescing']>;
}

/** Any subset of the config; each section is merged over the defaults table (and `limits` key by key). */
export interface PipelineConfigInput {
  cache?: Partial<PipelineConfig['cache']>;
  quota?: Partial<PipelineConfig['quota']>;
  breaker?: Partial<PipelineConfig['breaker']>;
  retry?: Partial<PipelineConfig['retry']>;
  coalescing?: Partial<PipelineConfig['coalescing']>;
}

/** The default limits of the defaults table, each window widened by the margin. */
export function defaultQuotaLimits(marginMs: number = DEFAULTS.pipeline.quota.marginMs): QuotaLimits {
  const { hss, swr, workspace } = DEFAULTS.pipeline.quota;
  const widen = (limit: { calls: number; windowMs: number }) => ({
    calls: limit.calls,
    windowMs: limit.windowMs + marginMs,
  });
  return { hss: widen(hss), swr: widen(swr), workspace: widen(workspace) };
}

export function resolvePipelineConfig(input: PipelineConfigInput = {}): PipelineConfig {
  const { hss: _hss, swr: _swr, workspace: _workspace, ...quota } = DEFAULTS.pipeline.quota;
  return {
    cache: { ...DEFAULTS.pipeline.cache, ...input.cache },
    quota: { ...quota, ...input.quota, limits: { ...defaultQuotaLimits(), ...input.quota?.limits } },
    breaker: { ...DEFAULTS.pipeline.breaker, ...input.breaker },
    retry: { ...DEFAULTS.pipeline.retry, ...input.retry },
    coalescing: { ...DEFAULTS.pipeline.coalescing, ...input.coalescing },
  };
}

export interface PipelineDependencies {
  metrics: UpstreamMetrics;
  logger?: Logger;
  /** Replaces the in-memory stores (e.g. Redis, shared by replicas). */
  cacheStore?: CacheStore;
  admissionWindow?: AdmissionWindow;
  /** Shared by replicas: one of them makes a call the others need at the same time, or queues a warm-up. */
  inflightLeases?: InflightLeases;
  now?: Clock;
  /** Failures of background work (stale refreshes, store errors), for logging. */
  onBackgroundError?: UseCacheOptions['onBackgroundError'];
  /** Retry jitter source, for tests. */
  random?: () => number;
  /** When tracing is on: a span per call (`useTracing`, outermost, so cache hits are traced too). */
  tracer?: Tracer;
}

/** The quota of one API as a console shows it: window usage plus the queued warm-ups. */
export interface ApiQuota extends QuotaUsage {
  api: string;
  windowMs: number;
  queued: number;
  oldestQueuedMs: number;
}

export interface Pipeline {
  /** The middlewares in their order around `core`. */
  around(core: UpstreamHandler): UpstreamHandler;
  cacheStore: CacheStore;
  /** Bumped by every tag invalidation the cache makes (a scan): caches above it check it too. */
  invalidations: InvalidationEpoch;
  limiter: QuotaLimiter;
  breaker: CircuitBreaker;
  /** The quota of each named API that has a limit. */
  quota(apis: readonly Pick<UpstreamCall, 'api' | 'service'>[]): Promise<ApiQuota[]>;
  /** Cancels queued warm-ups and their timers. */
  close(): void;
}

export function createPipeline(input: PipelineConfigInput, dependencies: PipelineDependencies): Pipeline {
  const config = resolvePipelineConfig(input);
  checkQuotaLimits(config.quota.limits);
  const { metrics, logger } = dependencies;
  const now = dependencies.now ?? systemClock;
  const cacheStore =
    dependencies.cacheStore ??
    new MemoryCacheStore({ maxEntries: config.cache.maxEntries, maxBytes: config.cache.maxBytes });
  const window = dependencies.admissionWindow ?? new MemoryAdmissionWindow(now);
  const leases = dependencies.inflightLeases;
  const invalidations = new InvalidationEpoch();
  const limiter = useQuotaLimiter({
    ...config.quota,
    window,
    now,
    metrics,
    ...(leases && { warmUpLeases: leases }),
  });
  const breaker = useCircuitBreaker({ ...config.breaker, metrics, now });

  const middlewares = [
    ...(dependencies.tracer ? [useTracing(dependencies.tracer)] : []),
    useCache({
      ...config.cache,
      store: cacheStore,
      metrics,
      now,
      onBackgroundError: dependencies.onBackgroundError,
      invalidations,
    }),
    useCoalescing({
      metrics,
      ...(leases && { acrossReplicas: { leases, leaseMs: config.coalescing.leaseMs } }),
    }),
    breaker,
    useRetry({
      ...config.retry,
      metrics,
      ...(logger && { logger }),
      ...(dependencies.random && { random: dependencies.random }),
    }),
    limiter,
  ];

  return {
    around: (core) => composePipeline(middlewares, core),
    cacheStore,
    invalidations,
    limiter,
    breaker,
    async quota(apis) {
      const quotas: ApiQuota[] = [];
      for (const call of apis) {
        const limit = config.quota.enabled ? limitOf(config.quota.limits, call) : null;
        if (!limit) continue;
        const usage = await window.usage(call.api, limit);
        quotas.push({
          api: call.api,
          windowMs: limit.windowMs,
          ...usage,
          queued: limiter.warmUps.queuedCount(call.api),
          oldestQueuedMs: limiter.warmUps.oldestQueuedMs(call.api),
        });
      }
      return quotas;
    },
    close: () => limiter.close(),
  };
}
