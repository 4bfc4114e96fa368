/**
 * Fails fast for an API that keeps failing, so requests don't queue behind timeouts and a struggling
 * upstream gets room to recover. One breaker per `call.api`: one broken API (a files-statistics endpoint
 * answering garbage) must not blank the healthy ones of the same service. A whole-service outage
 * (connection refused) opens every API's breaker after that API's own few failures, which fail fast
 * anyway, so a per-service breaker would save little and cost the healthy APIs in partial outages.
 *
 * closed ──N consecutive failures──▶ open ──openMs──▶ half-open ──probe succeeds──▶ closed
 *                                     ▲                   │
 *                                     └──probe fails──────┘
 *
 * Only outages count as failures: UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, UPSTREAM_BAD_RESPONSE. A 4xx
 * (or an upstream 429) proves the service answers, so it counts as healthy; a local rate-limit refusal,
 * an abort or a non-upstream error says nothing about the service and is ignored. While open, calls are
 * rejected with UPSTREAM_UNAVAILABLE without reaching `next`; half-open lets ONE probe through.
 */
import type { ErrorCode } from '../../errors/codes';
import { UpstreamError, isUpstreamError } from '../../errors/upstreamError';
import { BREAKER_STATE } from '../../tracing/attributes';
import { annotateUpstreamCall } from '../../tracing/upstreamSpan';
import type { UpstreamMetrics } from '../metrics';
import type { UpstreamCall, UpstreamMiddleware } from '../upstreamCall';
import { systemClock, type Clock } from './clock';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails fast before letting a probe through. */
  openMs: number;
  metrics?: Pick<UpstreamMetrics, 'breakerState'>;
  now?: Clock;
}

export interface CircuitBreaker extends UpstreamMiddleware {
  stateOf(api: string): BreakerState;
}

const OUTAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
]);

const GAUGE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 0.5, open: 1 };

type Outcome = 'failure' | 'healthy' | 'neutral';

function classify(call: UpstreamCall, error: unknown): Outcome {
  if (call.options.signal?.aborted || !isUpstreamError(error)) return 'neutral';
  if (OUTAGE_CODES.has(error.code)) return 'failure';
  return error.details.status === undefined ? 'neutral' : 'healthy';
}

interface ApiBreaker {
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: number;
  probeInFlight: boolean;
}

export function useCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? systemClock;
  const breakers = new Map<string, ApiBreaker>();

  const breakerFor = (api: string): ApiBreaker => {
    let breaker = breakers.get(api);
    if (!breaker) {
      breaker = { state: 'closed', consecutiveFailures: 0, openedAt: 0, probeInFlight: false };
      breakers.set(api, breaker);
    }
    return breaker;
  };

  const transition = (call: UpstreamCall, breaker: ApiBreaker, state: BreakerState): void => {
    breaker.state = state;
    if (state === 'open') breaker.openedAt = now();
    if (state === 'closed') breaker.consecutiveFailures = 0;
    options.metrics?.breakerState.set({ service: call.service, api: call.api }, GAUGE_VALUE[state]);
  };

  const record = (call: UpstreamCall, breaker: ApiBreaker, outcome: Outcome, wasProbe: boolean): void => {
    if (wasProbe) breaker.probeInFlight = false;
    if (outcome === 'neutral') return;
    if (outcome === 'healthy') {
      if (breaker.state !== 'closed' || breaker.consecutiveFailures > 0) transition(call, breaker, 'closed');
      return;
    }
    breaker.consecutiveFailures += 1;
    // A failure that was in flight before the circuit opened changes nothing; a failed probe re-opens it.
    if (breaker.state === 'half-open' ? wasProbe : breaker.state === 'closed') {
      if (wasProbe || breaker.consecutiveFailures >= options.failureThreshold)
        transition(call, breaker, 'open');
    }
  };

  const failFast = (call: UpstreamCall, breaker: ApiBreaker): UpstreamError => {
    const reopensInMs = Math.max(0, breaker.openedAt + options.openMs - now());
    const when = breaker.state === 'open' ? `retrying in ${reopensInMs} ms` : 'a probe call is in flight';
    return new UpstreamError('UPSTREAM_UNAVAILABLE', `Circuit open for ${call.api}: failing fast, ${when}`, {
      service: call.service,
      api: call.api,
    });
  };

  const middleware: UpstreamMiddleware = (next) => async (call) => {
    const breaker = breakerFor(call.api);
    if (breaker.state === 'open' && now() - breaker.openedAt >= options.openMs) {
      transition(call, breaker, 'half-open');
    }
    annotateUpstreamCall(BREAKER_STATE, breaker.state);
    if (breaker.state === 'open' || (breaker.state === 'half-open' && breaker.probeInFlight)) {
      throw failFast(call, breaker);
    }
    const isProbe = breaker.state === 'half-open';
    if (isProbe) breaker.probeInFlight = true;
    try {
      const result = await next(call);
      record(call, breaker, 'healthy', isProbe);
      return result;
    } catch (error) {
      record(call, breaker, classify(call, error), isProbe);
      throw error;
    }
  };

  return Object.assign(middleware, { stateOf: (api: string) => breakerFor(api).state });
}
