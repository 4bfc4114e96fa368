/**
 * The stable error codes a client sees in `errors[].extensions.code`. Frontends branch on these, so
 * they never change meaning; add new ones rather than reuse.
 */
export const ERROR_CODES = [
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_BAD_REQUEST',
  'UPSTREAM_BAD_RESPONSE',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  /** The client disconnected before its answer (nginx's 499): seen in metrics and logs, not by the client. */
  'CLIENT_CLOSED_REQUEST',
  'PERSISTED_DOCUMENT_REQUIRED',
  'PERSISTED_DOCUMENT_NOT_FOUND',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type UpstreamService = 'iam' | 'hss' | 'swr' | 'workspace';
