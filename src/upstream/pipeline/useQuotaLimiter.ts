/**
 * Innermost middleware: spends each upstream API's documented budget (HSS: 5 calls per API per user in
 * any 60 s window), never more.
 * - A call is admitted by the sliding admission window of its API (`state/`); if a slot frees within
 *   `maxWaitMs` it waits for it. Otherwise it is refused at once with `UPSTREAM_RATE_LIMITED`
 *   (`details.retryAfterMs`), and an idempotent call is queued to warm the cache (`quota/warmUpQueue.ts`):
 *   the refusal carries that deferred completion (`deferredCompletionOf(error)`). Identical refused calls
 *   are not queued twice: coalescing, above, answers them with the first one's completion.
 * - An upstream 429 pauses the API in the window (`quota/throttleBackoff.ts`), and the throttled call is
 *   queued like a refusal. The HTTP core counts the 429 in metrics; this counts only its refusals.
 */
import { isUpstreamError, type UpstreamError } from '../../errors/upstreamError';
import { QUOTA_REFUSED, QUOTA_WAIT_MS, QUOTA_WARM_UP_QUEUED } from '../../tracing/attributes';
import { annotateUpstreamCall, recordingUpstreamSpan } from '../../tracing/upstreamSpan';
import type { UpstreamMetrics } from '../metrics';
import { abortableDelay, abortReason } from '../transport/abortable';
import { countQuotaRefusal } from '../transport/callTally';
import {
  callKey,
  type UpstreamCall,
  type UpstreamHandler,
  type UpstreamMiddleware,
  type UpstreamResult,
} from '../upstreamCall';
import type { Clock } from './clock';
import { rateLimitedError } from './deferredCompletion';
import { backgroundWaitMs, limitOf, type QuotaLimits } from './quota/quotaLimits';
import { ThrottleBackoff } from './quota/throttleBackoff';
import { WarmUpQueue } from './quota/warmUpQueue';
import type { Admission, AdmissionWindow, InflightLeases, WindowLimit } from './state/contracts';

export interface QuotaLimiterOptions {
  enabled: boolean;
  limits: QuotaLimits;
  window: AdmissionWindow;
  interactiveReserve: number;
  maxWaitMs: number;
  maxQueuePerApi: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  now: Clock;
  metrics?: Pick<UpstreamMetrics, 'rateLimited'>;
  /** Shared by replicas: a refused call is queued by one replica only (a lease on `warmup:<call key>`). */
  warmUpLeases?: InflightLeases;
}

export interface QuotaLimiter extends UpstreamMiddleware {
  readonly warmUps: WarmUpQueue;
  close(): void;
}

/** Throttled upstream: a rate-limit error with a response status (local refusals carry none). */
function isThrottledUpstream(error: unknown): error is UpstreamError {
  return (
    isUpstreamError(error) && error.code === 'UPSTREAM_RATE_LIMITED' && error.details.status !== undefined
  );
}

export function useQuotaLimiter(options: QuotaLimiterOptions): QuotaLimiter {
  const { window, now } = options;
  const backoff = new ThrottleBackoff({ minMs: options.backoffMinMs, maxMs: options.backoffMaxMs });
  const warmUps = new WarmUpQueue({
    window,
    reserve: options.interactiveReserve,
    maxQueuePerApi: options.maxQueuePerApi,
    now,
    requeueOn: isThrottledUpstream,
  });

  /**
   * Admission for a client call: now, or after a wait of at most `maxWaitMs`. `first` is the window's
   * synchronous answer, when it gave one.
   */
  const admit = async (call: UpstreamCall, limit: WindowLimit, first?: Admission): Promise<Admission> => {
    const started = now();
    const deadline = started + options.maxWaitMs;
    let admission = first ?? (await window.tryAdmit(call.api, limit, 0));
    for (;;) {
      if (admission.admitted || now() + admission.retryAfterMs > deadline) {
        recordingUpstreamSpan()?.setAttribute(QUOTA_WAIT_MS, now() - started);
        return admission;
      }
      await abortableDelay(admission.retryAfterMs, call.options.signal);
      admission = await window.tryAdmit(call.api, limit, 0);
    }
  };

  /** Admitted in this turn when the window is in this process and has room (see sameTurn.ts). */
  const admitNow = (call: UpstreamCall, limit: WindowLimit): Admission | undefined => {
    const admission = window.tryAdmitNow?.(call.api, limit, 0);
    if (admission?.admitted) recordingUpstreamSpan()?.setAttribute(QUOTA_WAIT_MS, 0);
    return admission;
  };

  /** Sends an admitted call; its slot is held from the answer on; a 429 pauses the API. */
  const send = async (next: UpstreamHandler, call: UpstreamCall, ticket: string): Promise<UpstreamResult> => {
    try {
      const result = await next(call);
      backoff.onSuccess(call.api);
      return result;
    } catch (error) {
      if (isThrottledUpstream(error)) {
        const pauseMs = backoff.onThrottled(call.api, now(), error.details.retryAfterMs);
        if (pauseMs > 0) await window.pause(call.api, pauseMs).catch(() => undefined);
      }
      throw error;
    } finally {
      await window.complete(call.api, ticket).catch(() => undefined);
    }
  };

  /** True unless another replica already queued this call (its result will land in the shared cache). */
  const claimWarmUp = async (call: UpstreamCall, limit: WindowLimit): Promise<boolean> => {
    if (!options.warmUpLeases || !call.idempotent) return true;
    const aheadMs = backgroundWaitMs(limit, options.interactiveReserve, warmUps.queuedCount(call.api) + 1);
    const claim = options.warmUpLeases.acquire(`warmup:${callKey(call)}`, aheadMs + limit.windowMs);
    return claim.catch(() => true);
  };

  const middleware: UpstreamMiddleware = (next) => async (call) => {
    const limit = options.enabled ? limitOf(options.limits, call) : null;
    if (!limit) return next(call);
    const signal = call.options.signal;
    if (signal?.aborted) throw abortReason(signal);

    const immediate = admitNow(call, limit);
    const admission = immediate?.admitted ? immediate : await admit(call, limit, immediate);
    const sendLater = (queued: UpstreamCall, ticket: string) => send(next, queued, ticket);
    if (!admission.admitted) {
      options.metrics?.rateLimited.inc({ api: call.api, reason: admission.reason });
      const ours = await claimWarmUp(call, limit);
      const completion = ours ? warmUps.enqueue(call, limit, sendLater) : undefined;
      countQuotaRefusal(call.api, completion !== undefined);
      annotateUpstreamCall(QUOTA_REFUSED, true);
      annotateUpstreamCall(QUOTA_WARM_UP_QUEUED, completion !== undefined);
      throw rateLimitedError(
        call,
        // The queue's own estimate is only known once it has asked the window; never promise less than it said.
        Math.max(admission.retryAfterMs, completion?.retryAfterMs() ?? 0),
        `${call.api}: upstream quota spent${completion ? '; queued to warm the cache' : ''}`,
        completion,
      );
    }
    try {
      return await send(next, call, admission.ticket);
    } catch (error) {
      if (!isThrottledUpstream(error)) throw error;
      const completion = warmUps.enqueue(call, limit, sendLater);
      const retryAfterMs = completion?.retryAfterMs() ?? error.details.retryAfterMs ?? 0;
      throw rateLimitedError(call, retryAfterMs, error.message, completion, {
        details: error.details,
        cause: error,
      });
    }
  };
  return Object.assign(middleware, { warmUps, close: () => warmUps.close() });
}
