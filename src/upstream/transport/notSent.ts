/**
 * Marks an `UpstreamError` whose request provably never left the gateway (connection refused, DNS failure,
 * connect timeout): even a non-idempotent call may be retried then, since the upstream never saw it.
 * The mark is the error's `cause`, so it survives re-wrapping and shows in logs.
 */
import { isUpstreamError } from '../../errors/upstreamError';

export class RequestNotSentError extends Error {
  override readonly name = 'RequestNotSentError';

  constructor(cause: unknown) {
    super('The request was never sent: the connection could not be established', { cause });
  }
}

export function wasNeverSent(error: unknown): boolean {
  return isUpstreamError(error) && error.cause instanceof RequestNotSentError;
}
