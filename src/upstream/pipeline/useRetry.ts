/**
 * Retries calls that failed for reasons a second attempt can fix (connection errors, timeouts, 5xx),
 * with full-jitter exponential backoff. Non-idempotent calls are retried only when the request provably
 * never left the gateway. 4xx, throttling and auth failures are never retried: they would fail again
 * and, for throttling, spend quota. A per-service retry budget caps retries during an outage.
 */
import type { Logger } from 'pino';
import type { UpstreamService } from '../../errors/codes';
import { isUpstreamError } from '../../errors/upstreamError';
import { RETRY_ATTEMPTS } from '../../tracing/attributes';
import { annotateUpstreamCall } from '../../tracing/upstreamSpan';
import { abortableDelay } from '../transport/abortable';
import type { UpstreamMetrics } from '../metrics';
import { wasNeverSent } from '../transport/notSent';
import type { UpstreamCall, UpstreamMiddleware } from '../upstreamCall';
import { RetryBudget, type RetryBudgetOptions } from './retryBudget';

export interface RetryOptions {
  /** Attempts in total, the first included (default 3). */
  maxAttempts?: number;
  /** Backoff before the first retry is drawn from [0, base) (default 100 ms). */
  baseDelayMs?: number;
  /** Backoff ceiling (default 2 s). */
  maxDelayMs?: number;
  budget?: RetryBudgetOptions;
  metrics?: Pick<UpstreamMetrics, 'retries'>;
  logger?: Logger;
  /** [0, 1); injected by tests. */
  random?: () => number;
}

export function useRetry(options: RetryOptions = {}): UpstreamMiddleware {
  const maxAttempts = options.maxAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 2_000;
  const random = options.random ?? Math.random;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError('maxAttempts must be an integer >= 1');

  // One budget per service for this middleware instance: an HSS outage must not stop SWR retries.
  const budgets = new Map<UpstreamService, RetryBudget>();
  const budgetFor = (service: UpstreamService): RetryBudget => {
    let budget = budgets.get(service);
    if (!budget) {
      budget = new RetryBudget(options.budget);
      budgets.set(service, budget);
    }
    return budget;
  };

  return (next) => {
    return async (call) => {
      const budget = budgetFor(call.service);
      budget.deposit();
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await next(call);
        } catch (error) {
          if (attempt >= maxAttempts || !isRetryable(call, error) || !budget.tryWithdraw()) throw error;
          const delayMs = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          options.metrics?.retries.inc({ api: call.api });
          annotateUpstreamCall(RETRY_ATTEMPTS, attempt + 1);
          options.logger?.debug(
            {
              service: call.service,
              api: call.api,
              attempt,
              delayMs: Math.round(delayMs),
              code: errorCode(error),
            },
            'retrying upstream call',
          );
          // Rejects with the abort reason if the caller gives up while we wait.
          await abortableDelay(delayMs, call.options.signal);
        }
      }
    };
  };
}

function isRetryable(call: UpstreamCall, error: unknown): boolean {
  if (call.options.signal?.aborted || !isUpstreamError(error)) return false;
  if (error.code !== 'UPSTREAM_UNAVAILABLE' && error.code !== 'UPSTREAM_TIMEOUT') return false;
  return call.idempotent || wasNeverSent(error);
}

function errorCode(error: unknown): string | undefined {
  return isUpstreamError(error) ? error.code : undefined;
}
