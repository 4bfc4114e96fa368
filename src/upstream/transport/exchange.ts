/**
 * One HTTP exchange over an undici pool: send, read the whole body under a size cap, and turn transport
 * failures into stable `UpstreamError`s. Knows nothing about tokens or error bodies; every attempt is
 * counted in `metrics.requests` and timed in `metrics.requestDuration`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { ErrorCode, UpstreamService } from '../../errors/codes';
import { UpstreamError } from '../../errors/upstreamError';
import { abortReason } from './abortable';
import { SERVICE_LABELS } from '../facts';
import type { UpstreamMetrics } from '../metrics';
import { RequestNotSentError } from './notSent';

export interface ExchangeRequest {
  method: 'GET' | 'POST';
  /** Path including the query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
}

export interface ExchangeContext {
  service: UpstreamService;
  api: string;
  metrics?: Pick<UpstreamMetrics, 'requests' | 'requestDuration'>;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId?: string;
}

/** Failures before a connection exists: the upstream never saw the request. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

export async function exchange(
  dispatcher: Dispatcher,
  request: ExchangeRequest,
  context: ExchangeContext,
): Promise<RawResponse> {
  const startedAt = process.hrtime.bigint();
  let outcome = 'error';
  try {
    const response = await dispatcher.request({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body ?? null,
      signal: request.signal ?? null,
      headersTimeout: request.headersTimeoutMs,
      bodyTimeout: request.bodyTimeoutMs,
    });
    const body = await readCapped(response.body, request.maxResponseBytes, context, response.statusCode);
    outcome = `${Math.floor(response.statusCode / 100)}xx`;
    const requestId = headerValue(response.headers, 'x-request-id');
    return {
      status: response.statusCode,
      headers: response.headers,
      body,
      ...(requestId !== undefined && { requestId }),
    };
  } catch (error) {
    const failure = transportFailure(error, request.signal, context);
    outcome = failure instanceof UpstreamError ? failure.code : 'aborted';
    throw failure;
  } finally {
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    context.metrics?.requests.inc({ service: context.service, api: context.api, outcome });
    context.metrics?.requestDuration.observe({ service: context.service, api: context.api }, seconds);
  }
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
  context: ExchangeContext,
  status: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw tooLarge(context, status);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(context: ExchangeContext, status?: number): UpstreamError {
  return new UpstreamError(
    'UPSTREAM_BAD_RESPONSE',
    `${SERVICE_LABELS[context.service]} response is larger than the gateway accepts`,
    { service: context.service, api: context.api, ...(status !== undefined && { status }) },
  );
}

/** An aborted caller gets its abort reason back; everything else becomes a stable `UpstreamError`. */
function transportFailure(
  error: unknown,
  signal: AbortSignal | undefined,
  context: ExchangeContext,
): unknown {
  if (signal?.aborted) return abortReason(signal);
  if (error instanceof UpstreamError) return error;
  const code = errorCodeOf(error);
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return tooLarge(context);
  const label = SERVICE_LABELS[context.service];
  const gatewayCode: ErrorCode =
    code !== undefined && TIMEOUT_CODES.has(code) ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE';
  const message =
    gatewayCode === 'UPSTREAM_TIMEOUT'
      ? `${label} request timed out`
      : `${label} request failed: connection error`;
  const cause = code !== undefined && NOT_SENT_CODES.has(code) ? new RequestNotSentError(error) : error;
  return new UpstreamError(gatewayCode, message, { service: context.service, api: context.api }, { cause });
}

/** Node system errors and undici errors carry `code`; a connect failure may wrap several (AggregateError). */
function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCodeOf(errors[0]);
  return cause === undefined ? undefined : errorCodeOf(cause);
}
