import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { GatewayConfig } from '../config/config';
import { DEFAULTS } from '../config/defaults';
import { createRequestContext, type GatewayContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { resolvers, schemaVersion, typeDefs } from './schema';
import { createUpstream, type Upstream } from '../upstream/createUpstream';
import { withUpstreamCallTally } from '../upstream/transport/callTally';
import { createUpstreamMetrics } from '../upstream/metrics';
import { createPipeline, type Pipeline } from '../upstream/pipeline/createPipeline';
import { createApiKeyCheck } from './apiKeyAuth';
import { createArmor, tokenLimitParseOptions } from './armor';
import { createCors } from './cors';
import { trackHttpDrain } from './drainHttpServer';
import { createMetricsRoute } from './metricsRoute';
import { handleGraphQLRequest } from './graphqlHandler';
import { createLogger } from './logger';
import { landingPagePlugin } from './plugins/landingPage';
import { operationLoggingPlugin } from './plugins/operationLogging';
import { operationTracingPlugin } from './plugins/operationTracing';
import { responseCachePlugin } from './plugins/responseCache';
import { upstreamReportPlugin } from './plugins/upstreamReport';
import { startSharedState } from './sharedState';
import { createQuotaReader, registerQuotaMetrics } from './upstreamQuota';
import { requestIdOf } from './requestId';
import { requestSignal } from './requestSignal';
import { sendGraphQLError } from './sendGraphQLError';
import { createTrustedDocuments } from './trustedDocuments';
import type { ResolvedUpstreamTarget } from './upstreamTarget';
import { runInOperationScope } from '../tracing/operationScope';
import { startTracing } from '../tracing/startTracing';

export const GRAPHQL_PATH = '/graphql';

export interface RunningGateway {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  graphqlUrl: string;
  registry: Registry;
  upstream: Upstream;
  pipeline: Pipeline;
  logger: Logger;
  /** Stops accepting requests, lets in-flight ones finish (up to the grace period), closes upstream pools. */
  close(): Promise<void>;
}

export interface GatewayDependencies {
  logger?: Logger;
  /** Receives the spans instead of the OTLP exporter, and turns tracing on (tests). */
  traceExporter?: SpanExporter;
  /**
   * false: every request is parsed and validated, none is looked up among the documents already
   * validated. For the start-up warm-up, whose few documents would otherwise be validated once each.
   */
  keepValidatedDocuments?: boolean;
}

/** Assembles and starts the gateway against `target`: pipeline, Apollo Server, HTTP routes. */
export async function startGateway(
  config: GatewayConfig,
  target: ResolvedUpstreamTarget,
  dependencies: GatewayDependencies = {},
): Promise<RunningGateway> {
  const logger = dependencies.logger ?? createLogger(config.logLevel);

  // Off (undefined) unless an OTLP endpoint is set: then nothing below traces and no SDK runs.
  const tracing = startTracing(config.tracing, {
    logger,
    ...(dependencies.traceExporter && { exporter: dependencies.traceExporter }),
  });

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = createUpstreamMetrics(registry);
  const shared = await startSharedState(config.redis, target, registry, logger);
  const pipeline = createPipeline(config.pipeline, {
    metrics,
    logger,
    ...(shared && {
      cacheStore: shared.cacheStore,
      admissionWindow: shared.admissionWindow,
      inflightLeases: shared.inflightLeases,
    }),
    onBackgroundError: (error) => logger.warn({ err: error }, 'background upstream refresh failed'),
    ...(tracing && { tracer: tracing.tracer }),
  });
  const upstream = createUpstream({
    endpoints: target.endpoints,
    credentials: target.credentials,
    region: target.region,
    ...(target.projectId !== undefined && { projectId: target.projectId }),
    ...(config.upstream.enterpriseProjectId !== undefined && {
      enterpriseProjectId: config.upstream.enterpriseProjectId,
    }),
    timeouts: config.upstream.timeouts,
    connectionsPerOrigin: config.upstream.connectionsPerOrigin,
    spareConnections: {
      perOrigin: config.upstream.preopenConnections,
      maxIdleMs: DEFAULTS.upstream.preopenedIdleMs,
    },
    maxResponseBytes: config.upstream.maxResponseBytes,
    token: { refreshAheadMs: config.upstream.tokenRefreshAheadMs },
    logger,
    metrics,
    pipeline,
    ...(tracing && { tracing }),
  });

  const readQuota = createQuotaReader(pipeline);
  registerQuotaMetrics(registry, readQuota);

  const httpServer = createServer();
  // In place of Apollo's drain plugin, which ends idle keep-alive connections at once (see the module).
  // Attached first, so its 'request' listener runs before the routes below.
  const httpDrain = trackHttpDrain(httpServer, {
    graceMs: config.server.shutdownGraceMs,
    idleGraceMs: config.server.shutdownIdleGraceMs,
    onGraceExpired: (openRequests) =>
      logger.warn({ openRequests }, 'shutdown grace passed; cutting the requests still open'),
  });
  const armor = createArmor(config);
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs,
    resolvers,
    formatError,
    introspection: config.server.developerTools,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // The entry point owns SIGTERM/SIGINT (src/server/shutdown.ts): Apollo's handler re-raised the signal.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    parseOptions: tokenLimitParseOptions(config),
    ...(dependencies.keepValidatedDocuments === false && { documentStore: null }),
    // Compact JSON: Apollo's default pretty-prints every response (indentation costs bytes and CPU).
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // Apollo computes cache-control hints per resolved field (a hook around every resolver); nothing here
      // reads them: HTTP caching of GraphQL POSTs is not used, and the gateway's own caches decide freshness.
      ApolloServerPluginCacheControlDisabled(),
      landingPagePlugin(config.server),
      operationLoggingPlugin<GatewayContext>(registry),
      upstreamReportPlugin(),
      ...(tracing ? [operationTracingPlugin<GatewayContext>(tracing.tracer)] : []),
      ...(config.graphql.responseCache.enabled
        ? [
            responseCachePlugin({
              store: pipeline.cacheStore,
              invalidations: pipeline.invalidations,
              maxTtlMs: config.graphql.responseCache.maxTtlMs,
              schemaVersion,
              registry,
            }),
          ]
        : []),
      ...(armor.plugins as never[]),
    ],
  });
  // Fetch the IAM token (or, with access keys, the project id) while Apollo starts, and listen only once it
  // is there (or after a short wait), so the first client request does not wait for IAM. A failure is only
  // logged: it is tried again when a request needs it.
  const credentialsReady = upstream.authenticator.warmUp().catch((error: unknown) => {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'UNKNOWN';
    logger.warn(
      { code },
      'could not prepare upstream credentials at start; will retry when a request needs them',
    );
  });
  // Likewise the connections the first pages need (no request is sent, so no quota is spent).
  const preopenStartedAt = performance.now();
  const connectionsReady = upstream.preopen().then(
    (opened) =>
      config.upstream.preopenConnections > 0 &&
      logger.info(
        { opened, ms: Math.round(performance.now() - preopenStartedAt) },
        'upstream connections opened before listening',
      ),
    (error: unknown) => logger.warn({ err: error }, 'could not open upstream connections at start'),
  );
  await apollo.start();
  await settledWithin(Promise.all([credentialsReady, connectionsReady]), DEFAULTS.upstream.credentialsWaitMs);

  let accepting = true;
  const trustedDocuments = createTrustedDocuments(config.graphql.trustedDocuments);
  const apiKeyAccepted = createApiKeyCheck(config.server.apiKeys);

  async function onGraphQL(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = requestIdOf(request);
    response.setHeader('x-request-id', requestId);
    if (!apiKeyAccepted(request)) {
      return sendGraphQLError(
        response,
        401,
        'UNAUTHENTICATED',
        'A valid API key is required: Authorization: Bearer <key>.',
        {
          'www-authenticate': 'Bearer',
        },
      );
    }
    const { signal, dispose } = requestSignal(response, config.server.requestTimeoutMs);
    try {
      const handle = () =>
        handleGraphQLRequest(request, response, {
          apollo,
          maxBodyBytes: config.server.maxBodyBytes,
          resolveDocument: trustedDocuments.resolve,
          buildContext: async () =>
            createRequestContext({
              clients: upstream.clients,
              logger: logger.child({ requestId }),
              signal,
              requestId,
              quota: readQuota,
            }),
        });
      // A tally per request, so the operation log and metrics say how many upstream calls it cost.
      await withUpstreamCallTally(() =>
        tracing ? runInOperationScope(tracing.propagator, request.headers, handle) : handle(),
      );
    } finally {
      dispose();
    }
  }

  const cors = createCors(config.server.cors);
  const serveMetrics = createMetricsRoute(registry, apiKeyAccepted);
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // Every response carries the request id, health checks and 404s included.
    response.setHeader('x-request-id', requestIdOf(request));
    if (cors(request, response)) return;
    const path = (request.url ?? '/').split('?')[0];
    const route =
      path === GRAPHQL_PATH
        ? onGraphQL(request, response)
        : path === '/health'
          ? sendJson(response, 200, { status: 'ok' })
          : path === '/ready'
            ? sendJson(response, accepting ? 200 : 503, { status: accepting ? 'ready' : 'shutting-down' })
            : path === '/metrics'
              ? serveMetrics(request, response)
              : sendJson(response, 404, { error: `no route ${path}; GraphQL is served at ${GRAPHQL_PATH}` });
    Promise.resolve(route).catch((error: unknown) => {
      logger.error({ err: error }, 'request handling failed');
      sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.server.port, config.server.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host =
    config.server.host === '0.0.0.0' || config.server.host === '::' ? 'localhost' : config.server.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    registry,
    upstream,
    pipeline,
    logger,
    close() {
      closing ??= (async () => {
        accepting = false;
        // Apollo refuses operations once stopping, so every request must be answered before it stops.
        await httpDrain.drain();
        await apollo.stop();
        pipeline.close();
        await upstream.close();
        await shared?.close();
        // Last: the spans of the requests that just drained are exported before the process exits.
        await tracing?.shutdown();
        // prom-client's default metrics keep process-wide observers (GC, event loop) that reference the
        // registry; emptied, it no longer holds the pipeline (the quota gauges read it) and its caches.
        registry.clear();
      })();
      return closing;
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** Resolves when `work` settles or after `ms`, whichever comes first; `work` goes on either way. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
