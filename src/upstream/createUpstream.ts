/**
 * Assembles the upstream side: pools, IAM client, the request authenticator (IAM token provider, or AK/SK
 * signing), lazy project id, the call pipeline around the HTTP core, and the three service clients.
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
import { createHttpCore, type HttpTimeouts } from './transport/httpCore';
import type { AttemptTracing } from './transport/tracedAttempt';
import type { UpstreamMetrics } from './metrics';
import { OriginPools, parseBaseUrl } from './transport/pools';
import type { Pipeline } from './pipeline/createPipeline';
import { createIamClient } from './iam/client';
import { createSwrClient } from './swr/client';
import { createWorkspaceClient } from './workspace/client';

export interface CreateUpstreamOptions {
  endpoints: ServiceEndpoints;
  /** IAM password (token flow) or an access key pair (every request signed). */
  credentials: UpstreamCredentials;
  /** When absent: the token's project, else IAM `GET /v3/projects?name=<region>` on first use. */
  projectId?: string;
  region: string;
  enterpriseProjectId?: string;
  timeouts: HttpTimeouts;
  connectionsPerOrigin: number;
  /** Connections `preopen()` opens per service origin, and how long each waits for a request; absent: none. */
  spareConnections?: { perOrigin: number; maxIdleMs: number };
  /** Response bodies above this fail with `UPSTREAM_BAD_RESPONSE`. */
  maxResponseBytes: number;
  /** Token refresh tuning (tests shorten these). */
  token?: { refreshAheadMs?: number; failureBackoffMs?: number };
  logger?: Logger;
  metrics?: UpstreamMetrics;
  /** The middlewares every call passes before the HTTP core; absent: calls go straight to the core. */
  pipeline?: Pick<Pipeline, 'around'>;
  /** When tracing is on: each HTTP attempt is a span and carries its W3C trace context upstream. */
  tracing?: AttemptTracing;
}

export interface Upstream {
  clients: UpstreamClients;
  /** Adds the credential to each upstream request; `warmUp()` readies it before the first one. */
  authenticator: RequestAuthenticator;
  /** The IAM token provider; absent with access key credentials (nothing to fetch). */
  tokenProvider?: TokenProvider;
  /**
   * Opens the configured spare connections to the HSS, SWR and Workspace origins (IAM's is opened by the
   * credential warm-up). No request is sent; resolves with the number opened.
   */
  preopen(): Promise<number>;
  /** Closes every connection pool; in-flight requests finish first. */
  close(): Promise<void>;
}

export function createUpstream(options: CreateUpstreamOptions): Upstream {
  const { logger, metrics } = options;
  const pools = new OriginPools({
    connections: options.connectionsPerOrigin,
    connectTimeoutMs: options.timeouts.connectMs,
    maxResponseBytes: options.maxResponseBytes,
    ...(options.spareConnections && { spareMaxIdleMs: options.spareConnections.maxIdleMs }),
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
      createSigningAuthenticator({
        credentials,
        projectId: Object.assign((signal?: AbortSignal) => projectId(signal), {
          known: () => projectId.known(),
        }),
      })
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
    maxResponseBytes: options.maxResponseBytes,
    ...(logger && { logger: logger.child({ component: 'upstream' }) }),
    ...(metrics && { metrics }),
    secrets: () => [projectId.known()],
    ...(options.tracing && { tracing: options.tracing }),
  });
  const handler = options.pipeline ? options.pipeline.around(core.handler) : core.handler;
  const clients: UpstreamClients = {
    hss: createHssClient({
      handler,
      projectId: projectId,
      region: options.region,
      ...(options.enterpriseProjectId !== undefined && { enterpriseProjectId: options.enterpriseProjectId }),
    }),
    swr: createSwrClient({ handler }),
    workspace: createWorkspaceClient({ handler, projectId }),
  };
  return {
    clients,
    authenticator,
    ...(tokenProvider && { tokenProvider }),
    preopen: async () => {
      const perOrigin = options.spareConnections?.perOrigin ?? 0;
      if (perOrigin === 0) return 0;
      const { hss, swr, workspace } = options.endpoints;
      const opened = await pools.preopen(
        [hss, swr, workspace].map((base) => parseBaseUrl(base).origin),
        perOrigin,
      );
      return [...opened.values()].reduce((sum, n) => sum + n, 0);
    },
    close: () => core.close(),
  };
}
