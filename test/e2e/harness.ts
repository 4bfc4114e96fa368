import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { request } from 'undici';
import { loadConfig } from '../../src/config/config';
import { startGateway, type GatewayDependencies, type RunningGateway } from '../../src/server/createGateway';
import { remoteUpstreamTarget } from '../../src/server/upstreamTarget';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

/** The reference operations the frontends send, read from the repository's `operations/`. */
export function operation(name: string): string {
  return readFileSync(path.join(__dirname, '../../operations', `${name}.graphql`), 'utf8');
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
}

export interface Stack {
  simulator: RunningSimulator;
  gateway: RunningGateway;
  /** POSTs a GraphQL operation to the running gateway over HTTP. */
  query<TData = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  /** Upstream calls per simulator route since the last reset. */
  calls(): Record<string, number>;
  resetCalls(): void;
  close(): Promise<void>;
}

export interface StackOptions {
  simulator?: SimulatorOptions;
  /** Extra gateway environment (e.g. `HWC_QUOTA_LIMITER: 'on'`). */
  env?: Record<string, string>;
  /**
   * Wait for the IAM token the gateway fetches at start (default true). The gateway itself waits for it
   * before listening, up to a bound; false does not wait beyond that.
   */
  waitForToken?: boolean;
  /** Log lines of the gateway, for tests that check what is (not) logged. */
  logLines?: string[];
  /** The credential the gateway holds (default the IAM password); `env` may still override a variable. */
  credential?: 'password' | 'accessKey' | 'temporaryAccessKey';
  /** What the gateway is given besides its logger (e.g. an in-memory span exporter). */
  dependencies?: Omit<GatewayDependencies, 'logger'>;
}

function defaultCredential(): StackOptions['credential'] {
  const chosen = process.env.E2E_CREDENTIAL ?? 'password';
  if (chosen !== 'password' && chosen !== 'accessKey' && chosen !== 'temporaryAccessKey') {
    throw new Error(`E2E_CREDENTIAL must be password, accessKey or temporaryAccessKey, got "${chosen}"`);
  }
  return chosen;
}

/** The simulator's own credentials of one kind, as gateway environment variables. */
function credentialEnv(
  simulator: RunningSimulator,
  kind: StackOptions['credential'],
): Record<string, string> {
  const { permanent, temporary } = simulator.accessKeys;
  if (kind === 'accessKey')
    return { HWC_ACCESS_KEY: permanent.accessKey, HWC_SECRET_KEY: permanent.secretKey };
  if (kind === 'temporaryAccessKey') {
    return {
      HWC_ACCESS_KEY: temporary.accessKey,
      HWC_SECRET_KEY: temporary.secretKey,
      HWC_SECURITY_TOKEN: temporary.securityToken,
    };
  }
  return {
    HWC_IAM_DOMAIN: simulator.credentials.domain,
    HWC_IAM_USER: simulator.credentials.user,
    HWC_IAM_PASSWORD: simulator.credentials.password,
  };
}

/**
 * Starts a simulator and a gateway pointed at it as a remote Huawei Cloud (with credentials), the same
 * path production takes; returns helpers that speak real HTTP to the gateway.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const simulator = await startSimulator({ imageCount: 300, ...options.simulator });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLines ? 'debug' : 'silent',
    // E2E_CREDENTIAL=accessKey|temporaryAccessKey runs the whole suite with AK/SK signing.
    ...upstreamEnvFor(simulator, options.credential),
    HWC_QUOTA_LIMITER: 'off',
    HWC_RETRY_BASE_DELAY_MS: '5',
    HWC_RETRY_MAX_DELAY_MS: '20',
    // The test's own kept-alive connections would hold every close for the idle grace; the shutdown
    // itself is tested on the real entry point (shutdown*.test.ts).
    GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '0',
    ...options.env,
  });
  const lines = options.logLines;
  const logger = lines
    ? pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) })
    : pino({ level: 'silent' });
  const gateway = await startGateway(config, remoteUpstreamTarget(config), {
    ...options.dependencies,
    logger,
  });
  // The gateway fetches its IAM token (or, with an access key, the project id) at start; let that land so
  // call counts start from a quiet state.
  if (options.waitForToken !== false) await gateway.upstream.authenticator.warmUp().catch(() => undefined);

  return {
    simulator,
    gateway,
    async query<TData>(
      document: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const response = await request(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: document, variables }),
      });
      const body = (await response.body.json()) as GraphQLResponse<TData>['body'];
      return { status: response.statusCode, headers: response.headers, body };
    },
    calls: () => simulator.control.callCounts() as Record<string, number>,
    resetCalls: () => simulator.control.resetCallCounts(),
    async close() {
      await gateway.close();
      await simulator.stop();
    },
  };
}

/** The environment that points a gateway at a simulator as if it were Huawei Cloud, with its credentials. */
export function upstreamEnvFor(
  simulator: RunningSimulator,
  credential: StackOptions['credential'] = defaultCredential(),
): Record<string, string> {
  return {
    HWC_REGION: simulator.region,
    ...credentialEnv(simulator, credential),
    HWC_IAM_ENDPOINT: simulator.url,
    HWC_HSS_ENDPOINT: simulator.url,
    HWC_SWR_ENDPOINT: simulator.url,
    HWC_WORKSPACE_ENDPOINT: simulator.url,
  };
}

/** Error codes in a response, for compact assertions. */
export function errorCodes(response: Pick<GraphQLResponse<unknown>, 'body'>): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.code));
}

/** Only the HSS/SWR/Workspace routes (IAM token and project calls left out). */
export function serviceCalls(calls: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).filter(([route]) => !route.startsWith('iam.')));
}
