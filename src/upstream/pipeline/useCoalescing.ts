/**
 * Identical idempotent calls (same `callKey`) in flight at the same time share one call to `next`, and
 * so one quota token. Nothing is kept once the shared call settles: caching is `useCache`'s job.
 *
 * Cancellation: every waiter keeps its own `options.signal`. A waiter whose signal aborts is rejected at
 * once with the abort reason; the shared call runs on its own AbortController and is aborted only when
 * every waiter has gone, so a disconnecting client cancels upstream work nobody else waits for. A call
 * whose cross-replica lease this replica holds is never cancelled that way: other replicas wait for it.
 *
 * Rate-limited warm-ups: when the shared call is refused by the quota limiter with a deferred completion,
 * the key stays "deferred" until that completion settles. Identical callers meanwhile get an immediate
 * `UPSTREAM_RATE_LIMITED` with the live `retryAfterMs` (and the same deferred completion, so the cache
 * still warms) instead of waiting minutes or queueing a second deferred call.
 *
 * Across replicas (`leases`, in Redis): a cacheable call first takes a lease on its key. The holder calls
 * and hands its outcome to every waiting replica, once the cache above has written it to the shared store
 * (`call.cacheWritten`); a replica that finds the lease taken waits for that outcome instead of calling,
 * and one that takes a lease first reads the cache again (`call.cacheReread`), since a holder may have
 * written and released between its cache miss and its lease. If the holder failed, died (its lease
 * expires) or the lease store is away, the replica calls itself: sharing saves calls, it never costs an
 * answer.
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
  /**
   * This replica holds the cross-replica lease: other replicas wait for the answer, so the call is not
   * cancelled when the last local waiter leaves (its quota is spent anyway; the answer lands in the cache).
   */
  heldForOthers: boolean;
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
      onHeld: () => void,
    ): Promise<UpstreamResult> => {
      const reuseOutcome = call.cachePolicy === 'immutable';
      const held = await leases.acquire(key, leaseMs, { reuseOutcome }).catch(() => undefined);
      if (held) onHeld();
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
        // Another replica may have written the result between our cache miss and this lease: read again.
        const cached = held ? await call.cacheReread?.().catch(() => undefined) : undefined;
        const result = cached ?? (await next(call));
        if (held) {
          // Publishing ends the lease: only once the cache above has written the result to the shared
          // store (`cacheWritten`), so a replica arriving meanwhile still finds the lease and waits.
          // Without a cache above there is nothing to wait for.
          const publish = (): Promise<void> => leases.publish(key, { result }).catch(() => undefined);
          void (call.cacheWritten ?? Promise.resolve()).then(publish, publish);
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
        const detached = { ...call, options: { ...call.options, signal: controller.signal } };
        result =
          options.acrossReplicas && call.cachePolicy
            ? // Runs after `shared` exists: taking the lease is asynchronous.
              acrossReplicas(detached, key, options.acrossReplicas, () => (shared.heldForOthers = true))
            : next(detached);
      } catch (error) {
        result = Promise.reject(error);
      }
      const shared: SharedCall = { result, controller, waiters: 0, heldForOthers: false };
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
        if (shared.waiters > 0 || shared.heldForOthers) return;
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
