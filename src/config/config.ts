import { ConfigError } from './configError';
import { readCorsConfig, type CorsConfig } from './corsConfig';
import { readCredentials, type UpstreamCredentials } from './credentials';
import { defaultEndpoints, type ServiceEndpoints } from './endpoints';
import { EnvReader } from './readEnv';
import { readRedisConfig, type RedisConfig } from './redis';
import { readTracingConfig, type TracingConfig } from './tracingConfig';
import type { PipelineConfig } from '../upstream/pipeline/createPipeline';
import { DEFAULTS } from './defaults';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type { AccessKeyCredentials, IamCredentials, UpstreamCredentials } from './credentials';

/** Where upstream calls go: Huawei Cloud (or a proxy/another simulator), or the embedded simulator. */
export type UpstreamTarget =
  | { kind: 'remote'; region: string; credentials: UpstreamCredentials; endpoints: ServiceEndpoints }
  | { kind: 'embedded-simulator'; seed: number; imageCount: number; rateLimits: boolean; port: number };

export interface GatewayConfig {
  server: {
    port: number;
    host: string;
    /** Sandbox landing page and introspection (on unless NODE_ENV=production). */
    developerTools: boolean;
    /** Which in-browser explorer developer tools serve: GraphiQL from this server, or Apollo's CDN-hosted Sandbox. */
    explorer: 'graphiql' | 'apollo-sandbox';
    /** Overall deadline of one client request; its upstream work is cancelled after it. */
    requestTimeoutMs: number;
    maxBodyBytes: number;
    /** When set, clients must send `Authorization: Bearer <key>`. */
    apiKeys: readonly string[];
    shutdownGraceMs: number;
    /** During a shutdown, a kept-alive connection idle this long is closed (at most `shutdownGraceMs`). */
    shutdownIdleGraceMs: number;
    /** Rounds of reference queries run against a loopback simulator before listening; 0: no warm-up. */
    warmUpRounds: number;
    cors: CorsConfig;
  };
  graphql: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    /** `only`: run nothing but the trusted documents' ids (production); `any`: also free-form documents. */
    trustedDocuments: 'any' | 'only';
    /** Whole responses of identical queries, reused while every upstream answer in them is fresh. */
    responseCache: { enabled: boolean; maxTtlMs: number };
  };
  upstream: {
    target: UpstreamTarget;
    projectId?: string;
    enterpriseProjectId?: string;
    timeouts: { connectMs: number; headersMs: number; bodyMs: number };
    connectionsPerOrigin: number;
    /** Connections opened to each service origin before listening (no request sent); 0: none. */
    preopenConnections: number;
    /** Refresh the IAM token when less than this remains (tokens live 24 h). */
    tokenRefreshAheadMs: number;
    maxResponseBytes: number;
  };
  /** Cache, coalescing, breaker, retry and quota: the upstream pipeline. */
  pipeline: PipelineConfig;
  /** Shared state for several replicas; absent (no `REDIS_URL`): everything in process memory. */
  redis?: RedisConfig;
  /** OpenTelemetry traces; off unless an OTLP endpoint is set. */
  tracing: TracingConfig;
  logLevel: LogLevel;
}

const REGION = /^[a-z]{2,}(-[a-z]+)+-\d+$/;
const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MINUTE = 60_000;

/** Reads and validates the whole configuration once at start; throws a `ConfigError` naming the variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const read = new EnvReader(env);
  const production = read.raw('NODE_ENV') === 'production';
  const target = readUpstreamTarget(read);

  return {
    server: {
      port: read.integer('PORT', DEFAULTS.server.port, { min: 0, max: 65535 }),
      host: read.string('HOST') ?? DEFAULTS.server.host,
      developerTools: read.boolean('GRAPHQL_DEVELOPER_TOOLS', !production),
      explorer: read.oneOf('GRAPHQL_EXPLORER', ['graphiql', 'apollo-sandbox'] as const, 'graphiql'),
      requestTimeoutMs: read.integer('GATEWAY_REQUEST_TIMEOUT_MS', DEFAULTS.server.requestTimeoutMs, {
        min: 100,
        max: 10 * MINUTE,
      }),
      maxBodyBytes: read.integer('GATEWAY_MAX_BODY_BYTES', DEFAULTS.server.maxBodyBytes, {
        min: 1024,
        max: 64 * 1024 * 1024,
      }),
      apiKeys: read.list('GATEWAY_API_KEYS') ?? [],
      ...readShutdownGraces(read),
      warmUpRounds: read.integer('GATEWAY_WARMUP_ROUNDS', DEFAULTS.server.warmUpRounds, {
        min: 0,
        max: 1000,
      }),
      cors: readCorsConfig(read),
    },
    graphql: {
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', DEFAULTS.graphql.maxDepth, { min: 2, max: 100 }),
      maxAliases: read.integer('GRAPHQL_MAX_ALIASES', DEFAULTS.graphql.maxAliases, { min: 0, max: 1000 }),
      maxTokens: read.integer('GRAPHQL_MAX_TOKENS', DEFAULTS.graphql.maxTokens, { min: 50, max: 100_000 }),
      maxCost: read.integer('GRAPHQL_MAX_COST', DEFAULTS.graphql.maxCost, { min: 10, max: 1_000_000 }),
      trustedDocuments: read.oneOf('GRAPHQL_TRUSTED_DOCUMENTS', ['any', 'only'] as const, 'any'),
      responseCache: {
        enabled: read.boolean('GRAPHQL_RESPONSE_CACHE', DEFAULTS.graphql.responseCache.enabled),
        maxTtlMs: read.integer('GRAPHQL_RESPONSE_CACHE_MAX_TTL_MS', DEFAULTS.graphql.responseCache.maxTtlMs, {
          min: 1,
          max: 24 * 60 * MINUTE,
        }),
      },
    },
    upstream: {
      target,
      projectId: read.string('HWC_PROJECT_ID', {
        pattern: PROJECT_ID,
        describe: 'a project id (letters, digits, - or _)',
      }),
      enterpriseProjectId: read.string('HWC_ENTERPRISE_PROJECT_ID', {
        pattern: PROJECT_ID,
        describe: 'an enterprise project id, 0 or all_granted_eps',
      }),
      timeouts: {
        connectMs: read.integer('HWC_CONNECT_TIMEOUT_MS', DEFAULTS.upstream.timeouts.connectMs, {
          min: 50,
          max: MINUTE,
        }),
        headersMs: read.integer('HWC_HEADERS_TIMEOUT_MS', DEFAULTS.upstream.timeouts.headersMs, {
          min: 50,
          max: 5 * MINUTE,
        }),
        bodyMs: read.integer('HWC_BODY_TIMEOUT_MS', DEFAULTS.upstream.timeouts.bodyMs, {
          min: 50,
          max: 5 * MINUTE,
        }),
      },
      connectionsPerOrigin: read.integer(
        'HWC_CONNECTIONS_PER_ORIGIN',
        DEFAULTS.upstream.connectionsPerOrigin,
        {
          min: 1,
          max: 1024,
        },
      ),
      preopenConnections: read.integer('HWC_PREOPEN_CONNECTIONS', DEFAULTS.upstream.preopenConnections, {
        min: 0,
        max: 1024,
      }),
      tokenRefreshAheadMs: read.integer('HWC_TOKEN_REFRESH_AHEAD_MS', DEFAULTS.upstream.tokenRefreshAheadMs, {
        min: 0,
        max: 23 * 60 * MINUTE,
      }),
      maxResponseBytes: read.integer('HWC_MAX_RESPONSE_BYTES', DEFAULTS.upstream.maxResponseBytes, {
        min: 64 * 1024,
        max: 512 * 1024 * 1024,
      }),
    },
    pipeline: readPipeline(read, target),
    redis: readRedisConfig(read),
    tracing: readTracingConfig(read),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, DEFAULTS.logLevel),
  };
}

function readShutdownGraces(read: EnvReader): { shutdownGraceMs: number; shutdownIdleGraceMs: number } {
  const shutdownGraceMs = read.integer('GATEWAY_SHUTDOWN_GRACE_MS', DEFAULTS.server.shutdownGraceMs, {
    min: 0,
    max: 10 * MINUTE,
  });
  // Unset, it follows a shorter overall grace down; set, it must fit inside it.
  const idleDefault = Math.min(DEFAULTS.server.shutdownIdleGraceMs, shutdownGraceMs);
  const shutdownIdleGraceMs = read.integer('GATEWAY_SHUTDOWN_IDLE_GRACE_MS', idleDefault, {
    min: 0,
    max: 10 * MINUTE,
  });
  if (shutdownIdleGraceMs > shutdownGraceMs) {
    throw new ConfigError(
      'GATEWAY_SHUTDOWN_IDLE_GRACE_MS',
      `must not exceed GATEWAY_SHUTDOWN_GRACE_MS (${shutdownGraceMs}), got ${shutdownIdleGraceMs}`,
    );
  }
  return { shutdownGraceMs, shutdownIdleGraceMs };
}

function readPipeline(read: EnvReader, target: UpstreamTarget): PipelineConfig {
  const { cache, quota, breaker, retry } = DEFAULTS.pipeline;
  const count = (name: string, fallback: number) => read.integer(name, fallback, { min: 1, max: 1_000_000 });
  const marginMs = read.integer('HWC_QUOTA_MARGIN_MS', quota.marginMs, { min: 0, max: MINUTE });
  const hssCalls = count('HWC_QUOTA_HSS_CALLS', quota.hss.calls);
  const hssWindowMs = read.integer('HWC_QUOTA_HSS_WINDOW_MS', quota.hss.windowMs, {
    min: 100,
    max: 60 * MINUTE,
  });
  const swrPerSecond = count('HWC_QUOTA_SWR_PER_SECOND', quota.swr.calls);
  const workspacePerSecond = count('HWC_QUOTA_WORKSPACE_PER_SECOND', quota.workspace.calls);
  // The simulator enforces HSS's limits only when asked to, so the demo stays fast; match it by default.
  const limiterDefault = target.kind === 'embedded-simulator' ? target.rateLimits : quota.enabled;
  return {
    cache: {
      maxEntries: read.integer('GATEWAY_CACHE_MAX_ENTRIES', cache.maxEntries, { min: 0, max: 10_000_000 }),
      maxBytes: read.integer('GATEWAY_CACHE_MAX_BYTES', cache.maxBytes, { min: 0, max: 16 * 1024 ** 3 }),
      immutableTtlMs: read.integer('GATEWAY_CACHE_IMMUTABLE_TTL_MS', cache.immutableTtlMs, {
        min: 0,
        max: 30 * 24 * 60 * MINUTE,
      }),
      listFreshMs: read.integer('GATEWAY_CACHE_LIST_FRESH_MS', cache.listFreshMs, {
        min: 0,
        max: 60 * MINUTE,
      }),
      listStaleMs: read.integer('GATEWAY_CACHE_LIST_STALE_MS', cache.listStaleMs, {
        min: 0,
        max: 24 * 60 * MINUTE,
      }),
      maxStaleMs: read.integer('GATEWAY_CACHE_MAX_STALE_MS', cache.maxStaleMs, {
        min: 0,
        max: 7 * 24 * 60 * MINUTE,
      }),
    },
    quota: {
      enabled: read.boolean('HWC_QUOTA_LIMITER', limiterDefault),
      limits: {
        hss: { calls: hssCalls, windowMs: hssWindowMs + marginMs },
        swr: { calls: swrPerSecond, windowMs: 1_000 + marginMs },
        workspace: { calls: workspacePerSecond, windowMs: 1_000 + marginMs },
      },
      marginMs,
      interactiveReserve: read.integer('HWC_QUOTA_INTERACTIVE_RESERVE', quota.interactiveReserve, {
        min: 0,
        max: 1_000_000,
      }),
      maxWaitMs: read.integer('HWC_QUOTA_MAX_WAIT_MS', quota.maxWaitMs, { min: 0, max: MINUTE }),
      maxQueuePerApi: read.integer('HWC_QUOTA_MAX_QUEUE', quota.maxQueuePerApi, { min: 0, max: 100_000 }),
      backoffMinMs: read.integer('HWC_QUOTA_BACKOFF_MIN_MS', quota.backoffMinMs, {
        min: 0,
        max: 10 * MINUTE,
      }),
      backoffMaxMs: read.integer('HWC_QUOTA_BACKOFF_MAX_MS', quota.backoffMaxMs, {
        min: 0,
        max: 60 * MINUTE,
      }),
    },
    breaker: {
      failureThreshold: read.integer('GATEWAY_BREAKER_FAILURES', breaker.failureThreshold, {
        min: 1,
        max: 1000,
      }),
      openMs: read.integer('GATEWAY_BREAKER_OPEN_MS', breaker.openMs, { min: 100, max: 60 * MINUTE }),
    },
    coalescing: {
      leaseMs: read.integer('GATEWAY_INFLIGHT_LEASE_MS', DEFAULTS.pipeline.coalescing.leaseMs, {
        min: 100,
        max: 10 * MINUTE,
      }),
    },
    retry: {
      maxAttempts: read.integer('HWC_RETRY_MAX_ATTEMPTS', retry.maxAttempts, { min: 1, max: 10 }),
      baseDelayMs: read.integer('HWC_RETRY_BASE_DELAY_MS', retry.baseDelayMs, { min: 1, max: MINUTE }),
      maxDelayMs: read.integer('HWC_RETRY_MAX_DELAY_MS', retry.maxDelayMs, { min: 1, max: 5 * MINUTE }),
    },
  };
}

function readUpstreamTarget(read: EnvReader): UpstreamTarget {
  const credentials = readCredentials(read);
  if (credentials === undefined) {
    // No credentials: serve a realistic graph from the embedded simulator, so a fresh checkout just runs.
    return {
      kind: 'embedded-simulator',
      seed: read.integer('SIMULATOR_SEED', DEFAULTS.simulator.seed, { min: 0, max: 2 ** 31 - 1 }),
      imageCount: read.integer('SIMULATOR_IMAGES', DEFAULTS.simulator.imageCount, { min: 1, max: 200_000 }),
      rateLimits: read.boolean('SIMULATOR_RATE_LIMITS', DEFAULTS.simulator.rateLimits),
      port: read.integer('SIMULATOR_PORT', DEFAULTS.simulator.port, { min: 0, max: 65535 }),
    };
  }
  const region = read.string('HWC_REGION', { pattern: REGION, describe: 'a region id such as cn-north-4' });
  if (region === undefined) throw new ConfigError('HWC_REGION', 'is required with Huawei Cloud credentials');
  const given = {
    iam: read.url('HWC_IAM_ENDPOINT'),
    hss: read.url('HWC_HSS_ENDPOINT'),
    swr: read.url('HWC_SWR_ENDPOINT'),
    workspace: read.url('HWC_WORKSPACE_ENDPOINT'),
  };
  const defaults = defaultEndpoints(region);
  if (!defaults && Object.values(given).some((url) => url === undefined)) {
    throw new ConfigError(
      'HWC_REGION',
      `"${region}" is not a region where HSS is offered; use one of the SDK's regions or set every HWC_*_ENDPOINT`,
    );
  }
  return {
    kind: 'remote',
    region,
    credentials,
    endpoints: {
      iam: given.iam ?? defaults!.iam,
      hss: given.hss ?? defaults!.hss,
      swr: given.swr ?? defaults!.swr,
      workspace: given.workspace ?? defaults!.workspace,
    },
  };
}
