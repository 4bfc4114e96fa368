import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Upstream metrics, registered on a registry owned by one gateway instance (tests run several gateways
 * in one process, so nothing goes on the global default registry).
 */
export interface UpstreamMetrics {
  /** One upstream HTTP request sent (each retry attempt counts). */
  requests: Counter<'service' | 'api' | 'outcome'>;
  requestDuration: Histogram<'service' | 'api'>;
  cacheLookups: Counter<'api' | 'result'>;
  coalesced: Counter<'api'>;
  rateLimited: Counter<'api' | 'reason'>;
  retries: Counter<'api'>;
  breakerState: Gauge<'service' | 'api'>;
  tokenRefreshes: Counter<'reason'>;
}

export function createUpstreamMetrics(registry: Registry): UpstreamMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'gateway_upstream_requests_total',
      help: 'Upstream HTTP requests sent, by API and outcome (status class or error code).',
      labelNames: ['service', 'api', 'outcome'],
      registers,
    }),
    requestDuration: new Histogram({
      name: 'gateway_upstream_request_duration_seconds',
      help: 'Upstream request latency.',
      labelNames: ['service', 'api'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    cacheLookups: new Counter({
      name: 'gateway_upstream_cache_lookups_total',
      help: 'Upstream cache lookups: hit, stale (served while refreshing), miss, fallback (an older value served because the call failed).',
      labelNames: ['api', 'result'],
      registers,
    }),
    coalesced: new Counter({
      name: 'gateway_upstream_coalesced_total',
      help: 'Calls that joined an identical in-flight upstream call instead of sending their own.',
      labelNames: ['api'],
      registers,
    }),
    rateLimited: new Counter({
      name: 'gateway_upstream_rate_limited_total',
      help: 'Calls refused by the local quota limiter (budget) or throttled upstream (429).',
      labelNames: ['api', 'reason'],
      registers,
    }),
    retries: new Counter({
      name: 'gateway_upstream_retries_total',
      help: 'Retry attempts of idempotent upstream calls.',
      labelNames: ['api'],
      registers,
    }),
    breakerState: new Gauge({
      name: 'gateway_upstream_breaker_open',
      help: 'Circuit breaker state per upstream API: 0 closed, 0.5 half-open, 1 open.',
      labelNames: ['service', 'api'],
      registers,
    }),
    tokenRefreshes: new Counter({
      name: 'gateway_iam_token_fetches_total',
      help: 'IAM token fetches, by reason (cold, ahead_of_expiry, rejected).',
      labelNames: ['reason'],
      registers,
    }),
  };
}
