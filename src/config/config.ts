import { ConfigError } from './configError';
import { defaultEndpoints, type ServiceEndpoints } from './endpoints';
import { EnvReader } from './readEnv';
import { readRedisConfig, type RedisConfig } from './redis';
import type { ResilienceConfig } from '../upstream/pipeline/createPipeline';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface IamCredentials {
  domain: string;
  user: string;
  password: string;
}

/** Where upstream calls go: Huawei Cloud (or a proxy/another simulator), or the embedded simulator. */
export type UpstreamTarget =
  | { kind: 'remote'; region: string; credentials: IamCredentials; endpoints: ServiceEndpoints }
  | { kind: 'embedded-simulator'; seed: number; imageCount: number; rateLimits: boolean; port: number };

export interface GatewayConfig {
  server: {
    port: number;
    host: string;
    /** Sandbox landing page and introspection (on unless NODE_ENV=production). */
    developerTools: boolean;
    /** Overall deadline of one client request; its upstream work is cancelled after it. */
    requestTimeoutMs: number;
    maxBodyBytes: number;
    /** When set, clients must send `Authorization: Bearer <key>`. */
    apiKeys: readonly string[];
    shutdownGraceMs: number;
  };
  graphql: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number };
  upstream: {
    target: UpstreamTarget;
    projectId?: string;
    enterpriseProjectId?: string;
    timeouts: { connectMs: number; headersMs: number; bodyMs: number };
    connectionsPerOrigin: number;
    retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
    /** Refresh the IAM token when less than this remains (tokens live 24 h). */
    tokenRefreshAheadMs: number;
    maxResponseBytes: number;
  };
  /** Cache, quota limiter and circuit breaker. With the embedded simulator, the limiter follows its rate-limit switch. */
  resilience: ResilienceConfig;
  /** Shared state for several replicas; absent (no `REDIS_URL`): everything in process memory. */
  redis?: RedisConfig;
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
      port: read.integer('PORT', 4000, { min: 0, max: 65535 }),
      host: read.string('HOST') ?? '127.0.0.1',
      developerTools: read.boolean('GRAPHQL_DEVELOPER_TOOLS', !production),
      requestTimeoutMs: read.integer('GATEWAY_REQUEST_TIMEOUT_MS', 15_000, { min: 100, max: 10 * MINUTE }),
      maxBodyBytes: read.integer('GATEWAY_MAX_BODY_BYTES', 1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
      apiKeys: read.list('GATEWAY_API_KEYS') ?? [],
      shutdownGraceMs: read.integer('GATEWAY_SHUTDOWN_GRACE_MS', 10_000, { min: 0, max: 10 * MINUTE }),
    },
    graphql: {
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', 12, { min: 2, max: 100 }),
      maxAliases: read.integer('GRAPHQL_MAX_ALIASES', 15, { min: 0, max: 1000 }),
      maxTokens: read.integer('GRAPHQL_MAX_TOKENS', 2000, { min: 50, max: 100_000 }),
      maxCost: read.integer('GRAPHQL_MAX_COST', 5000, { min: 10, max: 1_000_000 }),
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
        connectMs: read.integer('HWC_CONNECT_TIMEOUT_MS', 5_000, { min: 50, max: MINUTE }),
        headersMs: read.integer('HWC_HEADERS_TIMEOUT_MS', 10_000, { min: 50, max: 5 * MINUTE }),
        bodyMs: read.integer('HWC_BODY_TIMEOUT_MS', 10_000, { min: 50, max: 5 * MINUTE }),
      },
      connectionsPerOrigin: read.integer('HWC_CONNECTIONS_PER_ORIGIN', 64, { min: 1, max: 1024 }),
      retry: {
        maxAttempts: read.integer('HWC_RETRY_MAX_ATTEMPTS', 3, { min: 1, max: 10 }),
        baseDelayMs: read.integer('HWC_RETRY_BASE_DELAY_MS', 100, { min: 1, max: MINUTE }),
        maxDelayMs: read.integer('HWC_RETRY_MAX_DELAY_MS', 2_000, { min: 1, max: 5 * MINUTE }),
      },
      tokenRefreshAheadMs: read.integer('HWC_TOKEN_REFRESH_AHEAD_MS', 60 * MINUTE, {
        min: 0,
        max: 23 * 60 * MINUTE,
      }),
      maxResponseBytes: read.integer('HWC_MAX_RESPONSE_BYTES', 16 * 1024 * 1024, {
        min: 64 * 1024,
        max: 512 * 1024 * 1024,
      }),
    },
    resilience: readResilience(read, target),
    redis: readRedisConfig(read),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  };
}

function readResilience(read: EnvReader, target: UpstreamTarget): ResilienceConfig {
  const perMinute = (name: string, fallback: number) =>
    read.integer(name, fallback, { min: 1, max: 1_000_000 });
  const hss = perMinute('HWC_QUOTA_HSS_PER_MINUTE', 5);
  const swr = perMinute('HWC_QUOTA_SWR_PER_MINUTE', 12_000);
  const workspace = perMinute('HWC_QUOTA_WORKSPACE_PER_MINUTE', 12_000);
  // The simulator enforces HSS's limits only when asked to, so the demo stays fast; follow it by default.
  const limiterDefault = target.kind === 'embedded-simulator' ? target.rateLimits : true;
  return {
    cache: {
      maxEntries: read.integer('GATEWAY_CACHE_MAX_ENTRIES', 10_000, { min: 0, max: 10_000_000 }),
      maxBytes: read.integer('GATEWAY_CACHE_MAX_BYTES', 64 * 1024 * 1024, { min: 0, max: 16 * 1024 ** 3 }),
      immutableTtlMs: read.integer('GATEWAY_CACHE_IMMUTABLE_TTL_MS', 24 * 60 * MINUTE, {
        min: 0,
        max: 30 * 24 * 60 * MINUTE,
      }),
      listFreshMs: read.integer('GATEWAY_CACHE_LIST_FRESH_MS', 30_000, { min: 0, max: 60 * MINUTE }),
      listStaleMs: read.integer('GATEWAY_CACHE_LIST_STALE_MS', 5 * MINUTE, { min: 0, max: 24 * 60 * MINUTE }),
    },
    limiter: {
      enabled: read.boolean('HWC_QUOTA_LIMITER', limiterDefault),
      limits: {
        hss: { capacity: perMinute('HWC_QUOTA_HSS_BURST', hss), refillPerMinute: hss },
        swr: { capacity: Math.max(1, Math.ceil(swr / 60)), refillPerMinute: swr },
        workspace: { capacity: Math.max(1, Math.ceil(workspace / 60)), refillPerMinute: workspace },
      },
      maxWaitMs: read.integer('HWC_QUOTA_MAX_WAIT_MS', 250, { min: 0, max: MINUTE }),
      maxQueuePerApi: read.integer('HWC_QUOTA_MAX_QUEUE', 100, { min: 0, max: 100_000 }),
      backoffMinMs: read.integer('HWC_QUOTA_BACKOFF_MIN_MS', 2_000, { min: 0, max: 10 * MINUTE }),
      backoffMaxMs: read.integer('HWC_QUOTA_BACKOFF_MAX_MS', MINUTE, { min: 0, max: 60 * MINUTE }),
    },
    breaker: {
      failureThreshold: read.integer('GATEWAY_BREAKER_FAILURES', 5, { min: 1, max: 1000 }),
      openMs: read.integer('GATEWAY_BREAKER_OPEN_MS', 30_000, { min: 100, max: 60 * MINUTE }),
    },
  };
}

function readUpstreamTarget(read: EnvReader): UpstreamTarget {
  const domain = read.string('HWC_IAM_DOMAIN');
  const user = read.string('HWC_IAM_USER');
  const password = read.secret('HWC_IAM_PASSWORD');
  const given = { HWC_IAM_DOMAIN: domain, HWC_IAM_USER: user, HWC_IAM_PASSWORD: password };
  const missing = Object.entries(given).filter(([, value]) => value === undefined);

  if (missing.length === 3) {
    // No credentials: serve a realistic graph from the embedded simulator, so a fresh checkout just runs.
    return {
      kind: 'embedded-simulator',
      seed: read.integer('SIMULATOR_SEED', 1, { min: 0, max: 2 ** 31 - 1 }),
      imageCount: read.integer('SIMULATOR_IMAGES', 300, { min: 1, max: 200_000 }),
      rateLimits: read.boolean('SIMULATOR_RATE_LIMITS', false),
      port: read.integer('SIMULATOR_PORT', 0, { min: 0, max: 65535 }),
    };
  }
  const [firstMissing] = missing;
  if (firstMissing) {
    throw new ConfigError(firstMissing[0], 'is required when any HWC_IAM_* credential is set');
  }
  const region = read.string('HWC_REGION', { pattern: REGION, describe: 'a region id such as cn-north-4' });
  if (region === undefined) throw new ConfigError('HWC_REGION', 'is required with Huawei Cloud credentials');
  const defaults = defaultEndpoints(region);
  return {
    kind: 'remote',
    region,
    credentials: { domain: domain!, user: user!, password: password! },
    endpoints: {
      iam: read.url('HWC_IAM_ENDPOINT') ?? defaults.iam,
      hss: read.url('HWC_HSS_ENDPOINT') ?? defaults.hss,
      swr: read.url('HWC_SWR_ENDPOINT') ?? defaults.swr,
      workspace: read.url('HWC_WORKSPACE_ENDPOINT') ?? defaults.workspace,
    },
  };
}
