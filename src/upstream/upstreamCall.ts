/**
 * The contract of the upstream call pipeline: every call to Huawei Cloud is an `UpstreamCall` passed
 * through a chain of middlewares (envelop-style `useXxx` factories, assembled in their one order by
 * `pipeline/createPipeline.ts`), ending in the HTTP core (credentials + undici).
 */
import type { UpstreamService } from '../errors/codes';

/** What the caller of a client method adds to the call: cancellation and cache hints. */
export interface CallOptions {
  /** Aborted when the GraphQL request is abandoned; the call is cancelled unless another request shares it. */
  signal?: AbortSignal;
  /**
   * For results of immutable content (an image's software at one scan time): the version that makes the
   * cache key exact, e.g. the scan state. When set, the result may be cached for the long TTL.
   */
  contentVersion?: string | number;
  /** Do not store the result (e.g. files statistics of an image that was never scanned). */
  noStore?: boolean;
}

/** How long a result may be kept. Chosen by the client that knows the API; TTLs come from config. */
export type CachePolicy =
  /** Content of an immutable image digest (files statistics; software at one scan time): kept long. */
  | 'immutable'
  /** Lists that change (images, shared repositories, product images): kept briefly, served stale while refreshing. */
  | 'list';

export interface UpstreamCall {
  service: UpstreamService;
  /** Logical API name, the unit of quota, metrics and breaker state, e.g. `hss.listRegistryImages`. */
  api: string;
  method: 'GET' | 'POST';
  /** Path with every segment already percent-encoded, without the query. */
  path: string;
  /** Query parameters already stringified; undefined values are dropped before this point. */
  query: Readonly<Record<string, string>>;
  /** Extra headers (never the token; the core adds `X-Auth-Token`). */
  headers: Readonly<Record<string, string>>;
  /** Serialized JSON body, exactly the bytes sent. */
  body?: string;
  /** Safe to retry after a response or a timeout (GETs). `batch-scan` is not. */
  idempotent: boolean;
  /** Absent: never cached. */
  cachePolicy?: CachePolicy;
  /**
   * Shape check (and conversion) of a 2xx body. It runs in the HTTP core, below the cache and the breaker,
   * so an unexpected answer is an `UPSTREAM_BAD_RESPONSE` that is never cached and counts as a failure.
   * Its return value replaces `body`. Throws `ShapeError` on a mismatch.
   */
  parseBody?: (body: unknown, headers: UpstreamResult['headers']) => unknown;
  /** Cache tags this call's result belongs to, e.g. `hss.image:<image_id>`, `hss.registryImages`. */
  cacheTags?: readonly string[];
  /** Tags whose cached entries this call makes stale when it succeeds (batch-scan). */
  invalidates?: readonly string[];
  options: CallOptions;
}

export interface UpstreamResult {
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON body (`undefined` for an empty body). Shape checks happen in the service client. */
  body: unknown;
  requestId?: string;
  /** Bytes of the body as received: what keeping the result costs, without serialising it again. */
  bodyBytes?: number;
}

/** Calls upstream; resolves with a 2xx result or rejects with an `UpstreamError`. */
export type UpstreamHandler = (call: UpstreamCall) => Promise<UpstreamResult>;

export type UpstreamMiddleware = (next: UpstreamHandler) => UpstreamHandler;

/** Composes middlewares, the first one outermost. */
export function composePipeline(
  middlewares: readonly UpstreamMiddleware[],
  core: UpstreamHandler,
): UpstreamHandler {
  return middlewares.reduceRight<UpstreamHandler>((next, middleware) => middleware(next), core);
}

/** A stable key for identical calls: method, path, sorted query, body, content version. */
export function callKey(call: UpstreamCall): string {
  const query = Object.keys(call.query)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(call.query[name] ?? '')}`)
    .join('&');
  const version = call.options.contentVersion === undefined ? '' : `#v=${call.options.contentVersion}`;
  return `${call.method} ${call.path}?${query}${call.body ? `\n${call.body}` : ''}${version}`;
}
