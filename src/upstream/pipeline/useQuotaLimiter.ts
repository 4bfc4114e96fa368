/**
 * Innermost resilience middleware (just above the HTTP core): spends each upstream API's documented
 * budget, never more (DESIGN §2; HSS allows 5 calls per minute per API per user).
 *
 * - One token bucket per `call.api`, configured by API name or, failing that, by service name.
 *   An API with no configured limit (IAM) passes through.
 * - A call whose token comes within `maxWaitMs` waits for it and proceeds.
 * - Otherwise the caller is rejected AT ONCE with `UPSTREAM_RATE_LIMITED` (`details.retryAfterMs`), and an
 *   idempotent call is queued to run in its reserved slot to warm the cache: the rejection carries that
 *   deferred completion (`deferredCompletionOf(error)`). The deferred run drops the caller's signal
 *   (the caller is gone), at most `maxQueuePerApi` runs wait per API, an identical call already queued is
 *   reused rather than queued twice, timers are unref'd and `close()` cancels them. Non-idempotent calls
 *   (batch-scan) are never deferred: running a mutation the caller was told failed would surprise them.
 * - A 429 from upstream means the budget was shared or misjudged: the API's bucket is drained and paused
 *   for a backoff of one refill interval (at least `backoffMinMs`, and at least the error's own
 *   `retryAfterMs` hint), doubled on each further 429 without a success in between, capped at
 *   `backoffMaxMs` (one quota window: any per-minute window has rolled over by then). Queued runs move behind the pause. The docs give no Retry-After, so this is ours.
 *   The throttled call itself is deferred to after the pause like a budget refusal.
 * - `setEnabled(false)` makes it a pass-through at runtime (the simulator's rate-limit switch).
 *
 * Deferred runs go straight to the HTTP core: they skip retry and the breaker, being best-effort warm-ups.
 */
import { UpstreamError, isUpstreamError } from '../../errors/upstreamError';
import type { UpstreamMetrics } from '../metrics';
import {
  callKey,
  type UpstreamCall,
  type UpstreamHandler,
  type UpstreamMiddleware,
  type UpstreamResult,
} from '../upstreamCall';
import { abortableDelay as sleep, abortReason } from '../transport/abortable';
import { systemClock, type Clock } from './clock';
import { rateLimitedError, type DeferredCompletion } from './deferredCompletion';
import { TokenBucket, type RateLimit } from './tokenBucket';

export type { RateLimit } from './tokenBucket';

/** Keyed by API name (`hss.listImageApps`) or service name (`hss`); `null` means "not limited". */
export type RateLimits = Readonly<Record<string, RateLimit | null>>;

export interface QuotaLimiterOptions {
  limits: RateLimits;
  /** Longest a caller waits for its token before being told to come back later. */
  maxWaitMs: number;
  /** Deferred warm-up runs allowed to wait per API; beyond it a refused call is just refused. */
  maxQueuePerApi: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  /** Initial state; default true. */
  enabled?: boolean;
  metrics?: Pick<UpstreamMetrics, 'rateLimited'>;
  now?: Clock;
}

export interface QuotaLimiterControls {
  setEnabled(enabled: boolean): void;
  isEnabled(): boolean;
  /** Deferred runs waiting for their slot (not yet started), for one API or all. */
  queuedCount(api?: string): number;
  /** Cancels every queued run (its completion rejects) and aborts the running ones; nothing is deferred after. */
  close(): void;
}

export type QuotaLimiter = UpstreamMiddleware & QuotaLimiterControls;

/** A deferred run in progress is expected within one upstream round trip; tell callers to come back soon. */
const RUNNING_RETRY_AFTER_MS = 1_000;

interface DeferredRun {
  readonly key: string;
  readonly call: UpstreamCall;
  readonly next: UpstreamHandler;
  readonly controller: AbortController;
  readonly completion: DeferredCompletion;
  readonly resolve: (result: UpstreamResult) => void;
  readonly reject: (error: unknown) => void;
  runAt: number;
  timer?: NodeJS.Timeout;
  started: boolean;
}

interface ApiState {
  readonly bucket: TokenBucket;
  /** Runs waiting for their slot, in slot order. */
  readonly queue: DeferredRun[];
  /** Waiting or running deferred runs by call key, so an identical call reuses them. */
  readonly byKey: Map<string, DeferredRun>;
  consecutive429: number;
  pausedUntil: number;
}

/**
 * Throttled by upstream (HTTP 429 or APIGW.0308 under another status, as the HTTP core classifies it):
 * a rate-limit error with a response status. Local refusals carry no status.
 */
function isThrottledUpstream(error: unknown): error is UpstreamError {
  return (
    isUpstreamError(error) && error.code === 'UPSTREAM_RATE_LIMITED' && error.details.status !== undefined
  );
}

export function useQuotaLimiter(options: QuotaLimiterOptions): QuotaLimiter {
  const now = options.now ?? systemClock;
  let enabled = options.enabled ?? true;
  let closed = false;
  const apis = new Map<string, ApiState | null>();

  const stateFor = (call: UpstreamCall): ApiState | null => {
    let state = apis.get(call.api);
    if (state !== undefined) return state;
    const limit = Object.hasOwn(options.limits, call.api)
      ? options.limits[call.api]
      : options.limits[call.service];
    state = limit
      ? {
          bucket: new TokenBucket(limit, now),
          queue: [],
          byKey: new Map(),
          consecutive429: 0,
          pausedUntil: 0,
        }
      : null;
    apis.set(call.api, state);
    return state;
  };

  const countRefusal = (call: UpstreamCall, reason: 'budget' | 'upstream_429'): void => {
    options.metrics?.rateLimited.inc({ api: call.api, reason });
  };

  const schedule = (api: ApiState, run: DeferredRun, waitMs: number): void => {
    run.runAt = now() + waitMs;
    run.timer = setTimeout(() => start(api, run), waitMs);
    run.timer.unref?.();
  };

  const start = (api: ApiState, run: DeferredRun): void => {
    run.started = true;
    run.timer = undefined;
    api.queue.splice(api.queue.indexOf(run), 1);
    send(api, run.next, run.call, false).then(run.resolve, run.reject);
    const forget = (): void => {
      if (api.byKey.get(run.key) === run) api.byKey.delete(run.key);
    };
    run.completion.result.then(forget, forget);
  };

  /** Queues `call` for its next slot; undefined when it cannot be deferred. */
  const defer = (
    api: ApiState,
    next: UpstreamHandler,
    call: UpstreamCall,
    key: string,
  ): DeferredRun | undefined => {
    if (closed || !call.idempotent || api.queue.length >= options.maxQueuePerApi) return undefined;
    const { signal: _callerSignal, ...warmUpOptions } = call.options;
    const controller = new AbortController();
    let resolve!: (result: UpstreamResult) => void;
    let reject!: (error: unknown) => void;
    const result = new Promise<UpstreamResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    result.catch(() => undefined); // a failed warm-up is nobody's unhandled rejection
    const run: DeferredRun = {
      key,
      call: { ...call, options: { ...warmUpOptions, signal: controller.signal } },
      next,
      controller,
      resolve,
      reject,
      runAt: 0,
      started: false,
      completion: {
        result,
        retryAfterMs: () =>
          run.started ? RUNNING_RETRY_AFTER_MS : Math.max(0, Math.ceil(run.runAt - now())),
      },
    };
    api.queue.push(run);
    api.byKey.set(key, run);
    schedule(api, run, api.bucket.reserve());
    return run;
  };

  /** Upstream throttled us: drain and pause the API, and move every waiting run behind the pause. */
  const backOff = (api: ApiState, upstreamHintMs = 0): number => {
    const at = now();
    // Calls sent before the pause began report the same throttling event; don't escalate on them.
    if (at < api.pausedUntil) return api.pausedUntil - at;
    const base = Math.max(options.backoffMinMs, api.bucket.intervalMs);
    // The core's hint (Retry-After, or the window in "limit:5,time:1 minute") is a floor, never a ceiling.
    const backoffMs = Math.min(
      options.backoffMaxMs,
      Math.max(base * 2 ** api.consecutive429, upstreamHintMs),
    );
    api.consecutive429 += 1;
    api.pausedUntil = at + backoffMs;
    api.bucket.pause(backoffMs);
    for (const run of api.queue) {
      clearTimeout(run.timer);
      schedule(api, run, api.bucket.reserve());
    }
    return backoffMs;
  };

  const send = async (
    api: ApiState,
    next: UpstreamHandler,
    call: UpstreamCall,
    deferOn429: boolean,
  ): Promise<UpstreamResult> => {
    try {
      const result = await next(call);
      api.consecutive429 = 0;
      return result;
    } catch (error) {
      if (!isThrottledUpstream(error)) throw error;
      countRefusal(call, 'upstream_429');
      const pauseMs = backOff(api, error.details.retryAfterMs);
      const key = callKey(call);
      const run = deferOn429 && !api.byKey.has(key) ? defer(api, next, call, key) : undefined;
      throw rateLimitedError(
        call,
        run ? run.completion.retryAfterMs() : pauseMs,
        error.message,
        run?.completion,
        {
          details: error.details,
          cause: error,
        },
      );
    }
  };

  const middleware: UpstreamMiddleware = (next) => async (call) => {
    if (!enabled) return next(call);
    const api = stateFor(call);
    if (!api) return next(call);
    const signal = call.options.signal;
    if (signal?.aborted) throw abortReason(signal);

    const key = callKey(call);
    const queued = api.byKey.get(key);
    if (queued) {
      countRefusal(call, 'budget');
      throw rateLimitedError(
        call,
        queued.completion.retryAfterMs(),
        `${call.api}: quota spent; this call is already queued`,
        queued.completion,
      );
    }

    const waitMs = api.bucket.tryReserve(options.maxWaitMs);
    if (waitMs === undefined) {
      countRefusal(call, 'budget');
      const run = defer(api, next, call, key);
      const retryAfterMs = run ? run.completion.retryAfterMs() : api.bucket.msUntilNextToken();
      throw rateLimitedError(
        call,
        retryAfterMs,
        `${call.api}: upstream quota spent${run ? '; queued to warm the cache' : ''}`,
        run?.completion,
      );
    }
    if (waitMs > 0) {
      try {
        await sleep(waitMs, signal);
      } catch (error) {
        api.bucket.release();
        throw error;
      }
    }
    return send(api, next, call, true);
  };

  const controls: QuotaLimiterControls = {
    setEnabled: (value) => {
      enabled = value;
    },
    isEnabled: () => enabled,
    queuedCount: (apiName) => {
      let count = 0;
      for (const [name, api] of apis)
        if (api && (apiName === undefined || name === apiName)) count += api.queue.length;
      return count;
    },
    close: () => {
      closed = true;
      for (const api of apis.values()) {
        if (!api) continue;
        for (const run of api.byKey.values()) {
          clearTimeout(run.timer);
          run.controller.abort(new Error('quota limiter closed'));
          if (!run.started) {
            run.reject(
              new UpstreamError('UPSTREAM_UNAVAILABLE', 'Quota limiter closed', {
                service: run.call.service,
                api: run.call.api,
              }),
            );
          }
        }
        api.queue.length = 0;
        api.byKey.clear();
      }
    },
  };
  return Object.assign(middleware, controls);
}
