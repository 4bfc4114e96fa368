/**
 * Names of the span attributes the gateway sets. GraphQL names follow OpenTelemetry's semantic conventions
 * (still "incubating" there, so copied rather than imported, as its maintainers advise); the `hwc.*` ones
 * describe what the upstream pipeline did with a call. Values are never secrets, tokens, project ids or
 * GraphQL variables.
 */
export const GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
export const GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
/** Every distinct `extensions.code` of the errors in the response (e.g. `UPSTREAM_RATE_LIMITED`). */
export const GRAPHQL_ERROR_CODES = 'graphql.error.codes';
/** The request id the response carries in `X-Request-Id`, to find the request's log lines. */
export const GATEWAY_REQUEST_ID = 'gateway.request_id';
/** The whole response came from the response cache: no resolver ran, so the operation has no upstream spans. */
export const RESPONSE_CACHE_HIT = 'gateway.response_cache.hit';

/** The logical upstream API, the unit of quota, cache and breaker state, e.g. `hss.listImageApps`. */
export const UPSTREAM_API = 'hwc.api';
export const UPSTREAM_SERVICE = 'hwc.service';
/** `hit` | `stale` | `miss` | `fallback` (an older value served because the call could not be made). */
export const CACHE_OUTCOME = 'hwc.cache.outcome';
/** The call shared another identical call's answer instead of calling (in this process or another replica). */
export const COALESCED = 'hwc.coalesced';
/** Set with `hwc.coalesced`: the answer came from another replica (shared mode). */
export const COALESCED_ACROSS_REPLICAS = 'hwc.coalesced.across_replicas';
/** How long the call waited for a quota slot, in ms. */
export const QUOTA_WAIT_MS = 'hwc.quota.wait_ms';
/** The quota refused the call (`UPSTREAM_RATE_LIMITED`). */
export const QUOTA_REFUSED = 'hwc.quota.refused';
/** With a refusal: the call was queued to warm the cache (or an identical one already was). */
export const QUOTA_WARM_UP_QUEUED = 'hwc.quota.warm_up_queued';
/** Attempts made, when more than one (retries of a failed attempt). */
export const RETRY_ATTEMPTS = 'hwc.retry.attempts';
/** The API's circuit breaker when the call arrived: `closed` | `open` | `half-open`. */
export const BREAKER_STATE = 'hwc.breaker.state';
