/**
 * Maps an upstream failure (service, HTTP status, upstream error code) to one stable gateway `ErrorCode`.
 * Tables: docs/huawei-cloud-apis.md §D2 (HSS), §D3 (API gateway, both `APIGW.` and `APIG.` prefixes), §D1 (SWR).
 */
import type { ErrorCode, UpstreamService } from '../../errors/codes';

export interface UpstreamFailure {
  service: UpstreamService;
  status: number;
  /** Upstream error code; the HTTP status as a string when the body carried none. */
  errorCode?: string;
  errorMessage?: string;
  /** Raw `Retry-After` header, if the upstream sent one (none is documented). */
  retryAfter?: string;
}

export interface Classification {
  code: ErrorCode;
  /** For `UPSTREAM_RATE_LIMITED`: when a retry may succeed. */
  retryAfterMs?: number;
}

/** Used when a throttled response says nothing about the window; the docs advise waiting 2–5 s. */
export const DEFAULT_RATE_LIMIT_RETRY_MS = 5_000;

const NOT_FOUND_CODES: Readonly<Partial<Record<UpstreamService, { status: number; errorCode: string }>>> = {
  // HSS reports a missing resource as 400, never 404.
  hss: { status: 400, errorCode: 'HSS.0011' },
  swr: { status: 404, errorCode: 'SVCSTG.SWR.4040010' },
};

/** A 401 that means "this token is no good, fetch another": APIG(W).0301/0307, or SWR 4010000. */
export function isTokenRejection(status: number, errorCode: string | undefined): boolean {
  if (status !== 401 || errorCode === undefined) return false;
  return /^APIGW?\.030[17]$/.test(errorCode) || errorCode === 'SVCSTG.SWR.4010000';
}

/** A throttled response: HTTP 429 or APIG(W).0308 whatever the status. */
export function isThrottled(status: number, errorCode: string | undefined): boolean {
  return status === 429 || (errorCode !== undefined && /^APIGW?\.0308$/.test(errorCode));
}

export function classifyUpstreamFailure(failure: UpstreamFailure): Classification {
  const { service, status, errorCode } = failure;
  if (isThrottled(status, errorCode)) {
    return { code: 'UPSTREAM_RATE_LIMITED', retryAfterMs: retryAfterMs(failure) };
  }
  if (status === 401 || status === 403) return { code: 'UPSTREAM_AUTH_FAILED' };
  const notFound = NOT_FOUND_CODES[service];
  if (notFound && notFound.status === status && notFound.errorCode === errorCode)
    return { code: 'NOT_FOUND' };
  if (status === 504) return { code: 'UPSTREAM_TIMEOUT' };
  if (status >= 500) return { code: 'UPSTREAM_UNAVAILABLE' };
  if (status >= 400) return { code: 'UPSTREAM_BAD_REQUEST' };
  // 1xx/3xx reaching here is not an answer the gateway understands.
  return { code: 'UPSTREAM_BAD_RESPONSE' };
}

/**
 * `Retry-After` (seconds or an HTTP date) when present; otherwise the throttling window from the message
 * (`policy user over ratelimit,limit:5,time:1 minute` → one call per 12 s); otherwise the default.
 */
export function retryAfterMs(
  failure: Pick<UpstreamFailure, 'retryAfter' | 'errorMessage'>,
  now = Date.now(),
): number {
  const fromHeader = parseRetryAfter(failure.retryAfter, now);
  if (fromHeader !== undefined) return fromHeader;
  const fromMessage = parseThrottleWindow(failure.errorMessage);
  return fromMessage ?? DEFAULT_RATE_LIMIT_RETRY_MS;
}

function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const UNIT_MS: Readonly<Record<string, number>> = { second: 1000, minute: 60_000, hour: 3_600_000 };

function parseThrottleWindow(message: string | undefined): number | undefined {
  const match = message && /limit:\s*(\d+)\s*,\s*time:\s*(\d+)\s*(second|minute|hour)/i.exec(message);
  if (!match) return undefined;
  const limit = Number(match[1]);
  const windowMs = Number(match[2]) * (UNIT_MS[match[3]!.toLowerCase()] ?? 0);
  if (limit <= 0 || windowMs <= 0) return undefined;
  return Math.ceil(windowMs / limit);
}
