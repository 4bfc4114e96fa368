/**
 * Assembles the upstream side: pools, IAM client, the request authenticator (IAM token provider, or AK/SK
 * signing), lazy project id, the call pipeline (`[...outer, retry, ...inner]` around the HTTP core) and the
 * three service clients.
 */
import type { Logger } from 'pino';
import { createProjectIdSource } from '../auth/projectId';
import type { RequestAuthenticator } from '../auth/requestAuthenticator';
import { createSigningAuthenticator } from '../auth/signingAuthenticator';
import { createTokenAuthenticator } from '../auth/tokenAuthenticator';
import { createTokenProvider, type TokenProvider } from '../auth/tokenProvider';
import { isAccessKeyCredentials, type UpstreamCredentials } from '../config/credentials';
import type { ServiceEndpoints } from '../config/endpoints';
import type { UpstreamClients } from './clients';
import { createHssClient } from './hss/client';
import { createHttpCore, DEFAULT_MAX_RESPONSE_BYTES, type HttpTimeouts } from './http/httpCore';
import type { UpstreamMetrics } from './http/metrics';
import { composePipeline, type UpstreamHandler, type UpstreamMiddleware } from './http/pipeline';
import { OriginPools } from './http/pools';
import { useRetry, type RetryOptions } from './http/useRetry';
import { createIamClient } from './iam/client';
import { createSwrClient } from './swr/client';
import { createWorkspaceClient } from './workspace/client';

export interface UpstreamMiddlewares {
  /** Outside retry, outermost first: cache, coalescing, circuit breaker. */
  outer?: readonly UpstreamMiddleware[];
  /** Inside retry, so each attempt passes through: the quota limiter. */
  inner?: readonly UpstreamMiddleware[];
}

export interface CreateUpstreamOptions {
  endpoints: ServiceEndpoints;
  /** IAM password (token flow) or an access key pair (every request signed). */
  credentials: UpstreamCredentials;
  /** When absent: the token's project, else IAM `GET /v3/projects?name=<region>` on first use. */
  projectId?: string;
  region: string;
  enterpriseProjectId?: string;
  timeouts: HttpTimeouts;
  connectionsPerOrigin?: number;
  /** Response bodies above this fail with `UPSTREAM_BAD_RESPONSE` (default 16 MiB). */
  maxResponseBytes?: number;
  retry?: Omit<RetryOptions, 'metrics' | 'logger'>;
  /** Token refresh tuning (tests shorten these). */
  token?: { refreshAheadMs?: number; failureBackoffMs?: number };
  logger?: Logger;
  metrics?: UpstreamMetrics;
  middlewares?: UpstreamMiddlewares;
}

export interface Upstream {
  clients: UpstreamClients;
  /** Adds the credential to each upstream request; `warmUp()` readies it before the first one. */
  authenticator: RequestAuthenticator;
  /** The IAM token provider; absent with access key credentials (nothing to fetch). */
  tokenProvider?: TokenProvider;
  /** The composed pipeline, for callers that build their own `UpstreamCall`s. */
  handler: UpstreamHandler;
  /** Closes every connection pool; in-flight requests finish first. */
  close(): Promise<void>;
}

export function createUpstream(options: CreateUpstreamOptions): Upstream {
  const { logger, metrics } = options;
  const pools = new OriginPools({
    connections: options.connectionsPerOrigin ?? 16,
    connectTimeoutMs: options.timeouts.connectMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });
  const iam = createIamClient({
    endpoint: options.endpoints.iam,
    pools,
    timeouts: options.timeouts,
    ...(metrics && { metrics }),
  });
  const { credentials } = options;
  const tokenProvider = isAccessKeyCredentials(credentials)
    ? undefined
    : createTokenProvider({
        iam,
        credentials,
        scope:
          options.projectId === undefined
            ? { projectName: options.region }
            : { projectId: options.projectId },
        ...options.token,
        ...(logger && { logger: logger.child({ component: 'iam-token' }) }),
        ...(metrics && { metrics }),
      });
  const authenticator: RequestAuthenticator = isAccessKeyCredentials(credentials)
    ? // The project id lookup is itself authenticated (IAM takes no project id), so it is bound late.
      createSigningAuthenticator({ credentials, projectId: (signal) => projectId(signal) })
    : createTokenAuthenticator(tokenProvider!, credentials.password);
  const projectId = createProjectIdSource({
    ...(options.projectId !== undefined && { configured: options.projectId }),
    region: options.region,
    ...(tokenProvider && { tokens: tokenProvider }),
    authenticator,
    iam,
  });
  const core = createHttpCore({
    endpoints: {
      hss: options.endpoints.hss,
      swr: options.endpoints.swr,
      workspace: options.endpoints.workspace,
    },
    authenticator,
    timeouts: options.timeouts,
    pools,
    ...(options.maxResponseBytes !== undefined && { maxResponseBytes: options.maxResponseBytes }),
    ...(logger && { logger: logger.child({ component: 'upstream' }) }),
    ...(metrics && { metrics }),
    secrets: () => [projectId.known()],
  });
  const retry = useRetry({ ...options.retry, ...(metrics && { metrics }), ...(logger && { logger }) });
  const handler = composePipeline(
    [...(options.middlewares?.outer ?? []), retry, ...(options.middlewares?.inner ?? [])],
    core.handler,
  );
  const clients: UpstreamClients = {
    hss: createHssClient({
      handler,
      projectId: projectId,
      region: options.region,
      ...(options.enterpriseProjectId !== undefined && { enterpriseProjectId: options.enterpriseProjectId }),
    }),
    swr: createSwrClient({ handler }),
    workspace: createWorkspaceClient({ handler, projectId: projectId }),
  };
  return {
    clients,
    authenticator,
    ...(tokenProvider && { tokenProvider }),
    handler,
    close: () => core.close(),
  };
}
