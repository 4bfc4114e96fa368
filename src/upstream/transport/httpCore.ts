/**
 * The innermost `UpstreamHandler`: authenticates each attempt (IAM token or AK/SK signature), sends the
 * call over the origin's undici pool, parses the JSON answer, renews a rejected token once, and turns every
 * failure into an `UpstreamError` whose message is safe to show a client (no URL, project id, secret or body).
 */
import type { Authentication, OutgoingRequest, RequestAuthenticator } from '../../auth/requestAuthenticator';
import { countUpstreamRequest } from './callTally';
import { parseResponse } from '../shape';
import type { Logger } from 'pino';
import type { UpstreamService } from '../../errors/codes';
import { UpstreamError } from '../../errors/upstreamError';
import { isTokenRejection } from './classify';
import { parseErrorBody } from './errorBody';
import { SERVICE_LABELS } from '../facts';
import { exchange, type RawResponse } from './exchange';
import type { UpstreamMetrics } from '../metrics';
import type { UpstreamCall, UpstreamHandler, UpstreamResult } from '../upstreamCall';
import { OriginPools, parseBaseUrl } from './pools';
import { RequestNotSentError } from './notSent';
import { encodeQuery } from './query';
import { parseJsonBody } from './jsonBody';
import { upstreamResponseError } from './responseError';
import { traceHttpAttempt, type AttemptTracing } from './tracedAttempt';

export type ServiceBaseUrls = Readonly<Record<Exclude<UpstreamService, 'iam'>, string>>;

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export interface HttpCoreOptions {
  endpoints: ServiceBaseUrls;
  /** Adds the credential to every attempt: `X-Auth-Token`, or an AK/SK signature. */
  authenticator: RequestAuthenticator;
  timeouts: HttpTimeouts;
  /** Connections per origin when the core creates its own pools (default 16). */
  connectionsPerOrigin?: number;
  /** Share pools with the IAM client; `close()` closes them either way. */
  pools?: OriginPools;
  /** Response bodies above this are refused with `UPSTREAM_BAD_RESPONSE` (default 16 MiB). */
  maxResponseBytes?: number;
  logger?: Logger;
  metrics?: UpstreamMetrics;
  /** Values that must never appear in error details besides the authenticator's own: the project id. */
  secrets?: () => Iterable<string | undefined>;
  /** When tracing is on: a span per attempt, and its `traceparent` on the request. */
  tracing?: AttemptTracing;
}

export interface HttpCore {
  handler: UpstreamHandler;
  close(): Promise<void>;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export function createHttpCore(options: HttpCoreOptions): HttpCore {
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const pools =
    options.pools ??
    new OriginPools({
      connections: options.connectionsPerOrigin ?? 16,
      connectTimeoutMs: options.timeouts.connectMs,
      maxResponseBytes,
    });
  const targets = new Map(
    Object.entries(options.endpoints).map(([service, base]) => [
      service as UpstreamService,
      { ...parseBaseUrl(base), host: new URL(base).host },
    ]),
  );
  const secrets = options.secrets ?? (() => []);
  const { authenticator } = options;

  /** One attempt, authenticated afresh (a retry gets a new `X-Sdk-Date`). */
  const send = async (call: UpstreamCall): Promise<{ response: RawResponse; auth: Authentication }> => {
    const target = targets.get(call.service);
    if (!target) throw new TypeError(`No endpoint configured for upstream service "${call.service}"`);
    const headers: Record<string, string> = {
      ...lowerCaseKeys(call.headers),
      'content-type': 'application/json',
      accept: 'application/json',
    };
    const path = `${target.pathPrefix}${call.path}`;
    const outgoing: OutgoingRequest = {
      service: call.service,
      method: call.method,
      host: target.host,
      path,
      query: call.query,
      headers,
      body: call.body ?? '',
    };
    // Sent in this turn when the credential is at hand (see sameTurn.ts).
    const auth =
      authenticator.authenticateNow?.(outgoing) ??
      (await authenticator.authenticate(outgoing, call.options.signal));
    countUpstreamRequest(call.api);
    const response = await traceHttpAttempt(options.tracing, call, target.host, (traceHeaders) =>
      exchange(
        poolFor(target.origin, call),
        {
          method: call.method,
          path: `${path}${encodeQuery(call.query)}`,
          // Trace context goes on after signing: it is not part of the AK/SK signature.
          headers: { ...headers, ...auth.headers, ...traceHeaders },
          ...(call.body !== undefined && { body: call.body }),
          ...(call.options.signal && { signal: call.options.signal }),
          headersTimeoutMs: options.timeouts.headersMs,
          bodyTimeoutMs: options.timeouts.bodyMs,
          maxResponseBytes,
        },
        { service: call.service, api: call.api, ...(options.metrics && { metrics: options.metrics }) },
      ),
    );
    options.logger?.debug(
      {
        service: call.service,
        api: call.api,
        method: call.method,
        status: response.status,
        requestId: response.requestId,
      },
      'upstream response',
    );
    return { response, auth };
  };

  const poolFor = (origin: string, call: UpstreamCall) => {
    try {
      return pools.get(origin);
    } catch (error) {
      // Closed during shutdown: nothing was sent.
      throw new UpstreamError(
        'UPSTREAM_UNAVAILABLE',
        `${SERVICE_LABELS[call.service]} request failed: the gateway is shutting down`,
        { service: call.service, api: call.api },
        { cause: new RequestNotSentError(error) },
      );
    }
  };

  const handler: UpstreamHandler = async (call) => {
    const first = await send(call);
    let { response } = first;
    let failure = isSuccess(response.status) ? undefined : parseErrorBody(response.body);
    const used = [...first.auth.secrets];

    if (failure && isTokenRejection(response.status, failure.errorCode) && first.auth.renew()) {
      // The token expired early or was revoked: renew once. A second rejection is a real auth failure.
      // Safe for non-idempotent calls too: the API gateway refused the request before the service saw it.
      options.logger?.warn(
        { service: call.service, api: call.api, errorCode: failure.errorCode },
        'upstream rejected the IAM token; renewing',
      );
      const second = await send(call);
      response = second.response;
      used.push(...second.auth.secrets);
      failure = isSuccess(response.status) ? undefined : parseErrorBody(response.body);
    }

    if (failure) {
      const error = upstreamResponseError(call, response, failure, [
        ...used,
        ...authenticator.secrets(),
        ...secrets(),
      ]);
      if (error.code === 'UPSTREAM_RATE_LIMITED') {
        options.metrics?.rateLimited.inc({ api: call.api, reason: 'upstream' });
      }
      options.logger?.debug({ code: error.code, ...error.details }, 'upstream call failed');
      throw error;
    }
    return successResult(call, response);
  };

  return { handler, close: () => pools.close() };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function successResult(call: UpstreamCall, response: RawResponse): UpstreamResult {
  const json = parseJsonBody(call, response);
  const { parseBody } = call;
  const target = {
    service: call.service,
    api: call.api,
    status: response.status,
    ...(response.requestId !== undefined && { requestId: response.requestId }),
  };
  return {
    status: response.status,
    headers: response.headers,
    body: parseBody ? parseResponse(target, () => parseBody(json, response.headers)) : json,
    ...(response.requestId !== undefined && { requestId: response.requestId }),
    bodyBytes: response.body.length,
  };
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
