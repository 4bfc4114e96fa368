/**
 * The GraphQL errors resolvers throw, and `formatError`, which decides what a client may see of any error.
 * Clients branch on `extensions.code` (src/errors/codes.ts); messages are for people.
 */
import { SERVICE_LABELS } from '../upstream/facts';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../errors/codes';
import { isUpstreamError, type UpstreamError } from '../errors/upstreamError';

/** Bad arguments: thrown before any upstream call is made. */
export function userInputError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } });
}

/** The object asked for does not exist (any more). The field resolves to null with this error. */
export function notFoundError(what: string): GraphQLError {
  return new GraphQLError(`${what} was not found.`, {
    extensions: { code: 'NOT_FOUND' satisfies ErrorCode },
  });
}

/** Codes whose GraphQLError messages were written for clients: by us, graphql-js or Apollo. */
const CLIENT_SAFE_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Written here, from the code alone, so nothing of the upstream message (URLs, ids) can leak. */
function upstreamMessage(error: UpstreamError): string {
  const service = SERVICE_LABELS[error.details.service];
  switch (error.code) {
    case 'UPSTREAM_RATE_LIMITED':
      return `${service} quota is spent for now; retry later.`;
    case 'UPSTREAM_TIMEOUT':
      return `${service} did not answer in time.`;
    case 'UPSTREAM_AUTH_FAILED':
      return `The gateway could not authenticate to ${service}.`;
    case 'UPSTREAM_BAD_REQUEST':
      return `${service} rejected the request.`;
    case 'UPSTREAM_BAD_RESPONSE':
      return `${service} sent a response the gateway could not read.`;
    case 'NOT_FOUND':
      return `${service} does not know the requested object.`;
    default:
      return `${service} is unavailable right now.`;
  }
}

/** Follows `originalError` (GraphQL's wrapping) and `cause` (our wrapping) to the first UpstreamError. */
export function findUpstreamError(error: unknown): UpstreamError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    if (isUpstreamError(current)) return current;
    if (current instanceof GraphQLError && current.originalError) current = current.originalError;
    else if (current instanceof Error && current.cause !== undefined) current = current.cause;
    else return undefined;
  }
  return undefined;
}

/**
 * Whether an error named `name` is in the chain: `TimeoutError` when the request's own deadline passed,
 * `AbortError` when its client went away (the two abort reasons of a request's signal). Matched by name,
 * not class, since abort reasons may come from another realm (DOMException).
 */
function hasErrorNamed(error: unknown, wanted: 'TimeoutError' | 'AbortError'): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, originalError, cause } = current as {
      name?: unknown;
      originalError?: unknown;
      cause?: unknown;
    };
    if (name === wanted) return true;
    current = originalError ?? cause;
  }
  return false;
}

function locatedAt(formatted: GraphQLFormattedError): Pick<GraphQLFormattedError, 'locations' | 'path'> {
  return {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}

/**
 * Apollo `formatError`. Upstream failures become their stable code plus `extensions.upstream` (service,
 * status, error code, request id: what support needs, nothing secret); client-facing GraphQL errors pass
 * as they are; anything else is an internal error with a generic message (the server logs the original).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const upstream = findUpstreamError(error);
  if (upstream) {
    const { service, status, errorCode, requestId, retryAfterMs } = upstream.details;
    return {
      message: upstreamMessage(upstream),
      ...locatedAt(formatted),
      extensions: {
        code: upstream.code,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        upstream: {
          service,
          ...(status !== undefined ? { status } : {}),
          ...(errorCode !== undefined ? { errorCode } : {}),
          ...(requestId !== undefined ? { requestId } : {}),
        },
      },
    };
  }
  if (hasErrorNamed(error, 'TimeoutError')) {
    return {
      message: 'The request passed its deadline before upstream answered; its upstream work was cancelled.',
      ...locatedAt(formatted),
      extensions: { code: 'UPSTREAM_TIMEOUT' satisfies ErrorCode },
    };
  }
  if (hasErrorNamed(error, 'AbortError')) {
    // Nobody reads this answer; the code keeps a departed client out of the server-error counts.
    return {
      message: 'The client closed the request; its upstream work was cancelled.',
      ...locatedAt(formatted),
      extensions: { code: 'CLIENT_CLOSED_REQUEST' satisfies ErrorCode },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) {
    // trimEnd: Apollo's CSRF refusal ends in a newline, which shows as a broken line in curl output.
    return { message: formatted.message.trimEnd(), ...locatedAt(formatted), extensions: { code } };
  }
  return {
    message: 'Internal server error.',
    ...locatedAt(formatted),
    extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
  };
}
