/**
 * Identical idempotent calls (same `callKey`) in flight at the same time share one call to `next`, and
 * so one quota token. Nothing is kept once the shared call settles: caching is `useCache`'s job.
 *
 * Cancellation: every waiter keeps its own `options.signal`. A waiter whose signal aborts is rejected at
 * once with the abort reason; the shared call runs on its own AbortController and is aborted only when
 * every waiter has gone, so a disconnecting client cancels upstream work nobody else waits for.
 *
 * Rate-limited warm-ups: when the shared call is refused by the quota limiter with a deferred completion,
 * the key stays "deferred" until that completion settles. Identical callers meanwhile get an immediate
 * `UPSTREAM_RATE_LIMITED` with the live `retryAfterMs` (and the same deferred completion, so the cache
 * still warms) instead of waiting minutes or queueing a second deferred call.
 *
 * Across replicas (`leases`, in Redis): a cacheable call first takes a lease on its key. The holder calls
 * and hands its outcome to every waiting replica; a replica that finds the lease taken waits for that
 * outcome instead of calling. If the holder failed, died (its lease expires) or the lease store is away,
 * the replica calls itself: sharing saves calls, it never costs an answer.
 */
import {
  COALESCED,
  COALESCED_ACROSS_REPLICAS,
  QUOTA_REFUSED,
  QUOTA_WARM_UP_QUEUED,
} from '../../tracing/attributes';
import { annotateUpstreamCall } from '../../tracing/upstreamSpan';
import type { UpstreamMetrics } from '../metrics';
import { callKey, type UpstreamCall, type UpstreamMiddleware, type UpstreamResult } from '../upstreamCall';
import { abortReason, raceAbort } from '../transport/abortable';
import { deferredCompletionOf, rateLimitedError, type DeferredCompletion } from './deferredCompletion';
import type { InflightLeases } from './state/contracts';

/** A shared-cache write takes one Redis round trip; this is many of them. */
const PUBLISH_AFTER_MS = 50;

export interface UseCoalescingOptions {
  metrics?: Pick<UpstreamMetrics, 'coalesced'>;
  /**
   * In-flight leases shared by replicas, and how long one holds (beyond it, waiters stop waiting and call
   * themselves); absent: coalescing within this process only.
   */
  acrossReplicas?: { leases: InflightLeases; leaseMs: number };
}

interface SharedCall {
  readonly result: Promise<UpstreamResult>;
  readonly controller: AbortController;
  /** Callers still waiting for `result`. */
  waiters: number;
}

export function useCoalescing(options: UseCoalescingOptions = {}): UpstreamMiddleware {
  return (next) => {
    const inFlight = new Map<string, SharedCall>();
    const deferredByKey = new Map<string, DeferredCompletion>();

    /** One call per key across replicas: hold the lease and call, or wait for the holder's outcome. */
    const acrossReplicas = async (
      call: UpstreamCall,
      key: string,
      { leases, leaseMs }: { leases: InflightLeases; leaseMs: number },
    ): Promise<UpstreamResult> => {
      const reuseOutcome = call.cachePolicy === 'immutable';
      const held = await leases.acquire(key, leaseMs, { reuseOutcome }).catch(() => undefined);
      if (held === false) {
        const outcome = await leases
          .waitFor(key, leaseMs, call.options.signal)
          .catch(() => 'expired' as const);
        if (outcome !== 'expired' && 'result' in outcome) {
          options.metrics?.coalesced.inc({ api: call.api });
          annotateUpstreamCall(COALESCED, true);
          annotateUpstreamCall(COALESCED_ACROSS_REPLICAS, true);
          return outcome.result;
        }
        return next(call); // the holder failed or died: call ourselves
      }
      try {
        const result = await next(call);
        if (held) {
          // Publishing ends the lease: wait until the cache above has written the result to the shared
          // store, so a replica arriving meanwhile still finds the lease and waits instead of calling.
          const publish = setTimeout(
            () => void leases.publish(key, { result }).catch(() => undefined),
            PUBLISH_AFTER_MS,
          );
          publish.unref?.();
        }
        return result;
      } catch (error) {
        if (held) void leases.publish(key, { failed: true }).catch(() => undefined);
        throw error;
      }
    };

    const start = (call: UpstreamCall, key: string): SharedCall => {
      const controller = new AbortController();
      let result: Promise<UpstreamResult>;
      try {
        const shared = { ...call, options: { ...call.options, signal: controller.signal } };
        result =
          options.acrossReplicas && call.cachePolicy
            ? acrossReplicas(shared, key, options.acrossReplicas)
            : next(shared);
      } catch (error) {
        result = Promise.reject(error);
      }
      const shared: SharedCall = { result, controller, waiters: 0 };
      inFlight.set(key, shared);
      const settle = (error?: unknown): void => {
        if (inFlight.get(key) === shared) inFlight.delete(key);
        const deferred = deferredCompletionOf(error);
        if (!deferred) return;
        deferredByKey.set(key, deferred);
        const forget = (): void => {
          if (deferredByKey.get(key) === deferred) deferredByKey.delete(key);
        };
        deferred.result.then(forget, forget);
      };
      result.then(() => settle(), settle);
      return shared;
    };

    const join = (
      shared: SharedCall,
      key: string,
      signal: AbortSignal | undefined,
    ): Promise<UpstreamResult> => {
      shared.waiters += 1;
      if (!signal) return shared.result;
      const onAbort = (): void => {
        shared.waiters -= 1;
        if (shared.waiters > 0) return;
        // Last waiter gone: cancel the upstream work and let the next caller start afresh.
        if (inFlight.get(key) === shared) inFlight.delete(key);
        shared.controller.abort(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const forget = (): void => signal.removeEventListener('abort', onAbort);
      shared.result.then(forget, forget);
      return raceAbort(shared.result, signal);
    };

    return async (call) => {
      if (!call.idempotent) return next(call);
      const signal = call.options.signal;
      if (signal?.aborted) throw abortReason(signal);

      const key = callKey(call);
      const deferred = deferredByKey.get(key);
      if (deferred) {
        options.metrics?.coalesced.inc({ api: call.api });
        annotateUpstreamCall(COALESCED, true);
        annotateUpstreamCall(QUOTA_REFUSED, true);
        annotateUpstreamCall(QUOTA_WARM_UP_QUEUED, true);
        throw rateLimitedError(
          call,
          deferred.retryAfterMs(),
          `${call.api}: quota spent; an identical call is already queued to warm the cache`,
          deferred,
        );
      }

      let shared = inFlight.get(key);
      if (shared) options.metrics?.coalesced.inc({ api: call.api });
      else shared = start(call, key);
      annotateUpstreamCall(COALESCED, shared.waiters > 0);
      return join(shared, key, signal);
    };
  };
}
