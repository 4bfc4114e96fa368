/**
 * Outermost middleware: serves what the call's `cachePolicy` allows from a `CacheStore`.
 *
 * - `immutable` (content of an image digest at one scan time): kept `immutableTtlMs`, never stale.
 * - `list`: a hit for `listFreshMs`, then served stale for up to `listStaleMs` while exactly ONE
 *   background refresh per key runs through `next` (so it is coalesced and spends quota like any call);
 *   a failed refresh keeps the stale entry until its `staleUntil`.
 * - no policy, or `options.noStore`: passed through, never stored. Errors are never stored.
 * - a successful call with `invalidates` deletes the entries carrying those tags.
 * - warm-up: a rate-limited rejection carrying a deferred completion (see `deferredCompletion.ts`)
 *   stores the deferred result when it arrives, so the next identical request is a hit.
 * - stale before null: an entry past its time is kept `maxStaleMs` longer. When a call for its key
 *   cannot be made (quota spent, breaker open, upstream failing or timing out), that older value is
 *   served instead of the error, marked stale (`staleness.ts`) and counted in the request's tally.
 *
 * The cache never fails a call: a store that throws is treated as a miss / a skipped write.
 */
import { isUpstreamError } from '../../errors/upstreamError';
import { CACHE_OUTCOME } from '../../tracing/attributes';
import { annotateUpstreamCall } from '../../tracing/upstreamSpan';
import type { UpstreamMetrics } from '../metrics';
import { markedStale } from '../staleness';
import { countAnswerUsed, countStaleServe } from '../transport/callTally';
import { callKey, type UpstreamCall, type UpstreamMiddleware, type UpstreamResult } from '../upstreamCall';
import type { CacheEntry, CacheStore } from './state/cacheStore';
import { systemClock, type Clock } from './clock';
import { deferredCompletionOf, type DeferredCompletion } from './deferredCompletion';
import { InvalidationEpoch } from './state/invalidationEpoch';

export interface CacheTtls {
  /** How long an `immutable` result is kept. */
  immutableTtlMs: number;
  /** How long a `list` result is served as a hit. */
  listFreshMs: number;
  /** How long after that a `list` result is still served (stale) while it is refreshed. */
  listStaleMs: number;
  /** How long after its time an entry is kept, to be served when a call for it cannot be made. */
  maxStaleMs: number;
}

export interface UseCacheOptions extends CacheTtls {
  store: CacheStore;
  metrics?: Pick<UpstreamMetrics, 'cacheLookups'>;
  now?: Clock;
  /** Veto storing a particular result (e.g. a placeholder); `options.noStore` already covers the common case. */
  isCacheable?: (call: UpstreamCall, result: UpstreamResult) => boolean;
  /** Failures nobody awaits (background refresh, store errors), for logging. */
  onBackgroundError?: (error: unknown, call: UpstreamCall) => void;
  /** Counts tag invalidations, shared with whoever else must not store what predates one. */
  invalidations?: InvalidationEpoch;
}

type LookupResult = 'hit' | 'stale' | 'miss' | 'fallback';

/** Failures after which an older value beats no value: the call could not be made or answered. */
const FALLBACK_CODES: ReadonlySet<string> = new Set([
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
]);

export function useCache(options: UseCacheOptions): UpstreamMiddleware {
  const now = options.now ?? systemClock;
  const reportBackground = options.onBackgroundError ?? (() => undefined);
  /** Keys whose background refresh is running: at most one per key per process. */
  const refreshing = new Set<string>();
  /** Deferred completions already wired to a store write (coalescing hands the same one to many callers). */
  const warming = new WeakSet<DeferredCompletion>();
  /** A result fetched across an invalidation is not stored (see invalidationEpoch.ts). */
  const invalidations = options.invalidations ?? new InvalidationEpoch();

  const countLookup = (call: UpstreamCall, result: LookupResult): void => {
    options.metrics?.cacheLookups.inc({ api: call.api, result });
    annotateUpstreamCall(CACHE_OUTCOME, result);
  };

  /** Stores a result; resolves with when it stops being fresh (0: not stored). */
  const store = async (call: UpstreamCall, key: string, result: UpstreamResult): Promise<number> => {
    if (options.isCacheable && !options.isCacheable(call, result)) return 0;
    const storedAt = now();
    const immutable = call.cachePolicy === 'immutable';
    const freshUntil = storedAt + (immutable ? options.immutableTtlMs : options.listFreshMs);
    const staleUntil = immutable ? freshUntil : freshUntil + options.listStaleMs;
    const entry: CacheEntry = { result, storedAt, freshUntil, staleUntil, tags: call.cacheTags ?? [] };
    try {
      await options.store.set(key, entry, staleUntil - storedAt + options.maxStaleMs);
      return freshUntil;
    } catch (error) {
      reportBackground(error, call);
      return 0;
    }
  };

  const warmFromDeferred = (call: UpstreamCall, key: string, error: unknown): void => {
    const deferred = deferredCompletionOf(error);
    if (!deferred || warming.has(deferred)) return;
    warming.add(deferred);
    deferred.result.then(
      (result) => store(call, key, result),
      () => undefined, // the warm-up failed; the next request simply misses
    );
  };

  return (next) => {
    /**
     * Fetches through `next` and stores a success; wires a rate-limited rejection to its warm-up. Resolves
     * with the result and when it stops being fresh (0: not stored).
     */
    const fetchAndStore = async (
      call: UpstreamCall,
      key: string,
    ): Promise<{ result: UpstreamResult; freshUntil: number }> => {
      const epoch = invalidations.current;
      let written = (): void => undefined;
      const cacheWritten = new Promise<void>((resolve) => (written = resolve));
      let reread: CacheEntry | undefined;
      const cacheReread = async (): Promise<UpstreamResult | undefined> => {
        const entry = await options.store.get(key).catch(() => undefined);
        if (!entry || now() >= entry.freshUntil) return undefined;
        reread = entry;
        return entry.result;
      };
      let result: UpstreamResult;
      try {
        result = await next({ ...call, cacheWritten, cacheReread });
      } catch (error) {
        written();
        warmFromDeferred(call, key, error);
        throw error;
      }
      try {
        // Found in the store after all (written by another replica): already stored, as fresh as it was.
        if (reread && result === reread.result) return { result, freshUntil: reread.freshUntil };
        const freshUntil = epoch === invalidations.current ? await store(call, key, result) : 0;
        return { result, freshUntil };
      } finally {
        written();
      }
    };

    const refreshInBackground = (call: UpstreamCall, key: string): void => {
      if (refreshing.has(key)) return;
      refreshing.add(key);
      // Detached from the requester's signal: the refresh serves whoever asks next, not this request.
      const { signal: _requesterSignal, ...detachedOptions } = call.options;
      fetchAndStore({ ...call, options: detachedOptions }, key)
        .catch((error: unknown) => reportBackground(error, call))
        .finally(() => refreshing.delete(key));
    };

    const invalidateAfterSuccess = async (call: UpstreamCall): Promise<void> => {
      if (!call.invalidates?.length) return;
      invalidations.bump();
      try {
        await options.store.invalidateTags(call.invalidates);
      } catch (error) {
        reportBackground(error, call);
      }
    };

    return async (call) => {
      if (!call.cachePolicy || call.options.noStore) {
        const result = await next(call);
        countAnswerUsed(0, []);
        await invalidateAfterSuccess(call);
        return result;
      }

      const key = callKey(call);
      let entry: CacheEntry | undefined;
      try {
        // A miss goes on down the pipeline in this turn when the store is in this process (sameTurn.ts).
        entry = options.store.getNow ? options.store.getNow(key) : await options.store.get(key);
      } catch (error) {
        reportBackground(error, call);
      }
      const at = now();
      if (entry && at < entry.freshUntil) {
        countLookup(call, 'hit');
        countAnswerUsed(entry.freshUntil, entry.tags);
        return entry.result;
      }
      if (entry && at < entry.staleUntil) {
        countLookup(call, 'stale');
        countAnswerUsed(0, entry.tags);
        refreshInBackground(call, key);
        return entry.result;
      }
      countLookup(call, 'miss');
      let result: UpstreamResult;
      try {
        const fetched = await fetchAndStore(call, key);
        result = fetched.result;
        countAnswerUsed(fetched.freshUntil, call.cacheTags ?? []);
      } catch (error) {
        const kept = entry && at < entry.staleUntil + options.maxStaleMs ? entry : undefined;
        if (!kept || !isUpstreamError(error) || !FALLBACK_CODES.has(error.code)) throw error;
        countLookup(call, 'fallback');
        countAnswerUsed(0, kept.tags);
        const serve = { api: call.api, ageMs: Math.max(0, now() - kept.storedAt), reason: error.code };
        countStaleServe(serve);
        return { ...kept.result, body: markedStale(kept.result.body, serve) };
      }
      await invalidateAfterSuccess(call);
      return result;
    };
  };
}
