/**
 * The warm-up contract between the quota limiter and the middlewares above it.
 *
 * When the limiter refuses a call for lack of budget it does not drop it: it queues the call to run when
 * its reserved token comes, and rejects the caller at once with `UPSTREAM_RATE_LIMITED`. The rejection
 * carries a `DeferredCompletion`, readable with `deferredCompletionOf(error)`:
 * - the cache attaches to `result` and stores the result when the deferred call succeeds, so the next
 *   identical request is served from the cache without another upstream call;
 * - coalescing remembers it per call key, so identical callers arriving meanwhile are answered at once
 *   with the live `retryAfterMs()` instead of queueing a second deferred call.
 *
 * A WeakMap rather than a property on the error: nothing leaks into logs or JSON serialisation of the
 * error, the error class stays the shared contract, and the association disappears with the error.
 */
import { UpstreamError, type UpstreamErrorDetails } from '../../errors/upstreamError';
import type { UpstreamCall, UpstreamResult } from '../upstreamCall';

export interface DeferredCompletion {
  /**
   * Settles when the deferred call has run: its result, or its error. A no-op rejection handler is
   * already attached, so nobody is forced to listen.
   */
  readonly result: Promise<UpstreamResult>;
  /** Live estimate of the milliseconds until `result` is expected (re-read: a 429 backoff moves it). */
  retryAfterMs(): number;
}

const deferredByError = new WeakMap<UpstreamError, DeferredCompletion>();

/** The deferred completion a rate-limited rejection carries, if the limiter queued the call. */
export function deferredCompletionOf(error: unknown): DeferredCompletion | undefined {
  return error instanceof UpstreamError ? deferredByError.get(error) : undefined;
}

/** An `UPSTREAM_RATE_LIMITED` error for `call`, optionally carrying the deferred completion. */
export function rateLimitedError(
  call: UpstreamCall,
  retryAfterMs: number,
  message: string,
  deferred?: DeferredCompletion,
  extra?: { details?: Partial<UpstreamErrorDetails>; cause?: unknown },
): UpstreamError {
  const error = new UpstreamError(
    'UPSTREAM_RATE_LIMITED',
    message,
    {
      ...extra?.details,
      service: call.service,
      api: call.api,
      retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)),
    },
    extra?.cause === undefined ? undefined : { cause: extra.cause },
  );
  if (deferred) deferredByError.set(error, deferred);
  return error;
}
