/**
 * The IAM token the gateway holds for every upstream call (docs/huawei-cloud-apis.md §C1): fetched once, shared by all
 * callers, refreshed in the background before it expires, renewed when an upstream rejects it.
 *
 * - Single flight: however many callers find no usable token, exactly one IAM call is made.
 * - Ahead of expiry: past `refreshAt` the current token is still served while one refresh runs.
 * - Short lifetimes are not trusted blindly: the refresh margin shrinks in proportion (a 10-minute token
 *   is refreshed after 7.5 minutes, not treated as "always expiring").
 * - `invalidate(token)` drops the token only if it is still current, so N concurrent 401s cost one fetch.
 * - Failures are remembered briefly (growing backoff) so a stampede does not hammer IAM, then retried.
 * - No token or password ever reaches a log line, an error message or error details.
 */
import type { Logger } from 'pino';
import type { IamCredentials } from '../config/config';
import { isUpstreamError, UpstreamError } from '../errors/upstreamError';
import { raceAbort } from '../upstream/transport/abortable';
import type { UpstreamMetrics } from '../upstream/metrics';
import { redactSecrets } from '../upstream/transport/redact';
import type { IamClient, IssuedToken, TokenScope } from '../upstream/iam/client';

export type TokenRefreshReason = 'cold' | 'ahead_of_expiry' | 'rejected';

export interface TokenProviderOptions {
  iam: Pick<IamClient, 'createToken'>;
  credentials: IamCredentials;
  /** Project scope: the configured project id, or the region name (the region's project). */
  scope: TokenScope;
  /** Refresh when less than this is left (default 1 h), capped by `refreshAheadRatio` of the lifetime. */
  refreshAheadMs?: number;
  /** Largest share of a token's lifetime spent "ahead of expiry" (default 0.25). */
  refreshAheadRatio?: number;
  /** First backoff after a failed fetch (default 1 s); doubles up to `maxFailureBackoffMs` (default 30 s). */
  failureBackoffMs?: number;
  maxFailureBackoffMs?: number;
  clock?: () => number;
  logger?: Logger;
  metrics?: Pick<UpstreamMetrics, 'tokenRefreshes'>;
}

export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<string>;
  /**
   * The held token when it can be used now with nothing else to do; undefined when `getToken` is needed:
   * none held, expired, or due for its refresh (which `getToken` starts).
   */
  tokenNow(): string | undefined;
  /** The project id the current token is scoped to, when IAM said so (saves a project lookup). */
  getProjectId(signal?: AbortSignal): Promise<string | undefined>;
  /** Drops the token only if it is still the current one. */
  invalidate(token: string): void;
}

interface HeldToken {
  value: string;
  projectId?: string;
  /** From here on, a background refresh is started (the token is still served). */
  refreshAt: number;
  /** After this, callers wait for a new token. */
  usableUntil: number;
}

interface RecentFailure {
  error: unknown;
  retryAt: number;
  consecutive: number;
}

const HOUR = 3_600_000;
/** Stop using a token slightly before it expires: requests take time, clocks drift. */
const EXPIRY_SAFETY_MS = 30_000;
const EXPIRY_SAFETY_RATIO = 0.05;

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const clock = options.clock ?? Date.now;
  const refreshAheadMs = options.refreshAheadMs ?? HOUR;
  const refreshAheadRatio = options.refreshAheadRatio ?? 0.25;
  const failureBackoffMs = options.failureBackoffMs ?? 1_000;
  const maxFailureBackoffMs = options.maxFailureBackoffMs ?? 30_000;
  const secrets = [options.credentials.password];

  let current: HeldToken | undefined;
  let inflight: Promise<HeldToken> | undefined;
  let failure: RecentFailure | undefined;
  let nextReason: TokenRefreshReason = 'cold';

  const hold = (issued: IssuedToken, receivedAt: number): HeldToken => {
    const lifetime = trustedLifetime(issued, receivedAt);
    const ahead = Math.min(refreshAheadMs, lifetime * refreshAheadRatio);
    const safety = Math.min(EXPIRY_SAFETY_MS, lifetime * EXPIRY_SAFETY_RATIO);
    return {
      value: issued.value,
      ...(issued.projectId !== undefined && { projectId: issued.projectId }),
      refreshAt: receivedAt + lifetime - ahead,
      usableUntil: receivedAt + lifetime - safety,
    };
  };

  const fetchToken = (reason: TokenRefreshReason): Promise<HeldToken> => {
    options.metrics?.tokenRefreshes.inc({ reason });
    options.logger?.debug({ reason }, 'fetching IAM token');
    const run = async (): Promise<HeldToken> => {
      try {
        const issued = await options.iam.createToken(options.credentials, options.scope);
        const held = hold(issued, clock());
        current = held;
        failure = undefined;
        nextReason = 'cold';
        options.logger?.debug({ reason, refreshInMs: held.refreshAt - clock() }, 'IAM token fetched');
        return held;
      } catch (error) {
        const safe = scrub(error, secrets);
        const consecutive = (failure?.consecutive ?? 0) + 1;
        const backoff = Math.min(maxFailureBackoffMs, failureBackoffMs * 2 ** (consecutive - 1));
        failure = { error: safe, retryAt: clock() + backoff, consecutive };
        options.logger?.warn(
          {
            reason,
            code: isUpstreamError(safe) ? safe.code : undefined,
            status: isUpstreamError(safe) ? safe.details.status : undefined,
            retryInMs: backoff,
          },
          'IAM token fetch failed',
        );
        throw safe;
      }
    };
    // `finally` callbacks run asynchronously, so `inflight` is set before it can be cleared.
    const attempt = run().finally(() => {
      if (inflight === attempt) inflight = undefined;
    });
    inflight = attempt;
    return attempt;
  };

  const getHeld = async (signal?: AbortSignal): Promise<HeldToken> => {
    const now = clock();
    const backingOff = failure !== undefined && now < failure.retryAt;
    if (current && now < current.usableUntil) {
      if (now >= current.refreshAt && !inflight && !backingOff) {
        // Serve the valid token; the refresh's failure is logged and remembered, not thrown at this caller.
        fetchToken('ahead_of_expiry').catch(() => undefined);
      }
      return current;
    }
    if (inflight) return raceAbort(inflight, signal);
    if (backingOff) throw failure!.error;
    return raceAbort(fetchToken(nextReason), signal);
  };

  return {
    async getToken(signal) {
      return (await getHeld(signal)).value;
    },
    tokenNow() {
      return current && clock() < current.refreshAt ? current.value : undefined;
    },
    async getProjectId(signal) {
      return (await getHeld(signal)).projectId;
    },
    invalidate(token) {
      if (current?.value !== token) return;
      current = undefined;
      nextReason = 'rejected';
      options.logger?.info('IAM token rejected upstream; it will be renewed');
    },
  };
}

/**
 * The lifetime to plan with: from IAM's own issued/expires pair (immune to local clock skew), but never
 * longer than what the local clock says is left.
 */
function trustedLifetime(issued: IssuedToken, receivedAt: number): number {
  const leftByClock = issued.expiresAt - receivedAt;
  const declared = issued.issuedAt === undefined ? leftByClock : issued.expiresAt - issued.issuedAt;
  const lifetime = leftByClock > 0 ? Math.min(declared, leftByClock) : declared;
  return Math.max(0, lifetime);
}

/** An IAM error must not carry the password back to whoever logs or shows it. */
function scrub(error: unknown, secrets: readonly string[]): unknown {
  if (!isUpstreamError(error)) {
    return new UpstreamError(
      'UPSTREAM_UNAVAILABLE',
      'IAM token fetch failed',
      { service: 'iam', api: 'iam.createToken' },
      { cause: error },
    );
  }
  const { errorMessage } = error.details;
  if (errorMessage === undefined) return error;
  const details = { ...error.details, errorMessage: redactSecrets(errorMessage, secrets) };
  return new UpstreamError(error.code, redactSecrets(error.message, secrets), details, {
    cause: error.cause,
  });
}
