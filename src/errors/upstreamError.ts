import type { ErrorCode, UpstreamService } from './codes';

/** What a client may learn about a failed upstream call: never URLs, tokens, project ids or bodies. */
export interface UpstreamErrorDetails {
  service: UpstreamService;
  /** Logical API name, e.g. `hss.listRegistryImages`. */
  api: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Upstream `error_code` (e.g. `HSS.0011`, `APIGW.0308`, `SVCSTG.SWR.4000014`). */
  errorCode?: string;
  /** Upstream `error_msg`, kept for logs; only shown to clients when it carries no secrets. */
  errorMessage?: string;
  /** Upstream `X-Request-Id`. */
  requestId?: string;
  /** For UPSTREAM_RATE_LIMITED: when the call may succeed. */
  retryAfterMs?: number;
}

/** An upstream call that failed, classified into one stable gateway code. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly code: ErrorCode;
  readonly details: UpstreamErrorDetails;

  constructor(
    code: ErrorCode,
    message: string,
    details: UpstreamErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}
