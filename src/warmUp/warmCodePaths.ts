/**
 * Start-up warm-up of the code, not of data. V8 runs a function as slow bytecode until it has run many
 * times, so a fresh process served its first ImageDashboard(20) in ~170 ms where a warm one needs ~100 ms
 * (20 ms per upstream call). Before the real gateway listens, this runs the reference queries many times
 * through a throwaway gateway — the same code, with its own memory caches and metrics — against a loopback
 * simulator. Its answers are valid, so every per-row path runs (parsing, shape checks, loaders, resolvers),
 * and nothing is spent: no HSS quota, no Redis, and no synthetic answer can reach the real caches, which
 * are created afterwards. The throwaway gateway and the simulator are closed before the real one starts.
 * A warm-up that fails is logged and skipped: it never stops the gateway from starting.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/config';
import { isAccessKeyCredentials } from '../config/credentials';
import { startGateway } from '../server/createGateway';
import { createLogger } from '../server/logger';
import { readReferenceOperations } from '../server/referenceOperations';
import { releaseCatalogCaches, startSimulator, type RunningSimulator } from '../simulator';
import { prepareReferenceQueries, runReferenceQueryRounds, type RoundsOutcome } from './referenceQueryRounds';

/** Enough images for every round to see new pages and images without wrapping around. */
const STAND_IN_IMAGES = 400;
/** Per API per window: the throwaway gateway's limiter runs (its code is warmed too) but never refuses. */
const UNLIMITED_CALLS = 1_000_000;

export interface WarmUpReport extends RoundsOutcome {
  rounds: number;
  ms: number;
}

export async function warmCodePaths(
  config: GatewayConfig,
  logger: Logger,
): Promise<WarmUpReport | undefined> {
  const rounds = config.server.warmUpRounds;
  if (rounds === 0) return undefined;
  const started = performance.now();
  try {
    const outcome = await runOnThrowawayGateway(config, rounds);
    releaseCatalogCaches();
    await collectGarbage();
    const report = { rounds, ...outcome, ms: Math.round(performance.now() - started) };
    logger.info(report, 'code paths warmed before listening');
    return report;
  } catch (error) {
    logger.warn({ err: error }, 'start-up warm-up failed; starting without it');
    return undefined;
  }
}

/** Its own function, so nothing of the throwaway gateway stays referenced once it returns. */
async function runOnThrowawayGateway(config: GatewayConfig, rounds: number): Promise<RoundsOutcome> {
  const simulator = await startSimulator({ imageCount: STAND_IN_IMAGES });
  try {
    const gateway = await startGateway(throwawayConfig(config), standInTarget(simulator, config), {
      logger: createLogger('silent'),
      // Apollo validates a document once and then reuses it, so the reference documents alone would run
      // parsing and validation a handful of times: still cold when a client's first new document comes.
      keepValidatedDocuments: false,
    });
    try {
      const queries = prepareReferenceQueries(readReferenceOperations());
      return await runReferenceQueryRounds(gateway.graphqlUrl, queries, rounds);
    } finally {
      await gateway.close();
    }
  } finally {
    await simulator.stop();
  }
}

/** The real configuration, made local and harmless: loopback, memory state, no tracing, no keys, no limits. */
function throwawayConfig(config: GatewayConfig): GatewayConfig {
  const { quota } = config.pipeline;
  const limits = Object.fromEntries(
    Object.entries(quota.limits).map(([name, limit]) => [
      name,
      limit && { calls: UNLIMITED_CALLS, windowMs: limit.windowMs },
    ]),
  );
  const { redis: _sharedState, ...memoryOnly } = config;
  const { tracesEndpoint: _tracing, ...untraced } = config.tracing;
  const { projectId: _project, enterpriseProjectId: _enterpriseProject, ...localUpstream } = config.upstream;
  return {
    ...memoryOnly,
    // Its one client is gone when it closes: no kept-alive connection to wait for (shutdownIdleGraceMs).
    server: {
      ...config.server,
      host: '127.0.0.1',
      port: 0,
      apiKeys: [],
      warmUpRounds: 0,
      shutdownIdleGraceMs: 0,
    },
    // The rounds send documents, not trusted-document ids.
    graphql: { ...config.graphql, trustedDocuments: 'any' },
    upstream: localUpstream,
    pipeline: {
      ...config.pipeline,
      quota: { ...quota, limits },
    },
    tracing: untraced,
    logLevel: 'silent',
  };
}

/** The simulator, signed for the way the real gateway signs (AK/SK, temporary keys or an IAM token). */
function standInTarget(simulator: RunningSimulator, config: GatewayConfig) {
  const { target } = config.upstream;
  const real = target.kind === 'remote' ? target.credentials : undefined;
  const credentials =
    real && isAccessKeyCredentials(real)
      ? real.securityToken !== undefined
        ? simulator.accessKeys.temporary
        : simulator.accessKeys.permanent
      : simulator.credentials;
  const url = simulator.url;
  return {
    region: simulator.region,
    credentials,
    endpoints: { iam: url, hss: url, swr: url, workspace: url },
    projectId: simulator.projectId,
  };
}

/**
 * One full collection before listening: the warm-up leaves a whole simulator and gateway behind as garbage,
 * and collecting it during the first client request cost that request about 20 ms. Two turns of the event
 * loop first: a closed socket's handle holds its server until libuv has finished closing it. `gc` is exposed
 * to a fresh context only (the gateway's own global never gets it).
 */
async function collectGarbage(): Promise<void> {
  for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
