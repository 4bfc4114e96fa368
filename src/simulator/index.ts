/**
 * The embedded Huawei Cloud simulator: IAM, HSS, SWR and Workspace on one local origin, following
 * docs/huawei-cloud-apis.md. Used by `npm start` without credentials, by tests and by the benchmark.
 *
 *   const sim = await startSimulator({ seed: 1, imageCount: 300 });
 *   // sim.url, sim.projectId, sim.credentials; sim.control.injectFault('hss.listImageApps', { kind: 'hang' })
 *   await sim.stop();
 */
import { AccessKeyVerifier } from './akSkAuth';
import { TokenStore } from './auth';
import { CallCounter } from './callCounter';
import { createControl, type SimulatorState } from './control';
import { Dataset } from './data/dataset';
import { hexFor, hash32, Rng, SALT } from './data/prng';
import { FaultInjector } from './faults';
import { LatencyTable } from './latency';
import { resolveOptions } from './options';
import { RateLimiter } from './rateLimit';
import { Router } from './router';
import type { SimulatorIdentity } from './routes/types';
import { SimulatorServer } from './server';
import type { RunningSimulator, SimulatorOptions } from './types';

export type {
  FaultOptions,
  FaultSpec,
  LatencySpec,
  RateLimitSetting,
  RunningSimulator,
  SimulatorAccessKeys,
  SimulatorControl,
  SimulatorCredentials,
  SimulatorOptions,
  SimulatorRouteId,
} from './types';
export { SIMULATOR_ROUTE_IDS } from './types';
export type {
  DatasetSummary,
  ImageReference,
  RepositoryRecord,
  SimulatedImageApp,
  SimulatorDataset,
} from './data/dataset';
export { DEFAULT_ACCESS_KEYS, DEFAULT_CREDENTIALS } from './options';
export { DOCUMENTED_HSS_PER_MINUTE } from './rateLimit';
export { releaseCatalogCaches } from './data/vulnerabilityCatalog';

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const identity: SimulatorIdentity = {
    region: resolved.region,
    projectId: resolved.projectId,
    credentials: resolved.credentials,
    domainId: hexFor(4, resolved.seed, SALT.ids, 1),
    userId: hexFor(4, resolved.seed, SALT.ids, 2),
  };
  const dataset = new Dataset({
    seed: resolved.seed,
    imageCount: resolved.imageCount,
    region: resolved.region,
    projectId: resolved.projectId,
    ownDomain: resolved.credentials.domain,
    scanDurationMs: resolved.scanDurationMs,
  });
  const state: SimulatorState = {
    dataset,
    calls: new CallCounter(),
    latency: new LatencyTable(),
    faults: new FaultInjector(new Rng(hash32(resolved.seed, SALT.faults))),
    rateLimiter: new RateLimiter(resolved.rateLimits),
    tokens: new TokenStore(resolved.tokenTtlMs),
    accessKeys: new AccessKeyVerifier([resolved.accessKeys.permanent, resolved.accessKeys.temporary]),
  };
  const control = createControl(state);
  const server: SimulatorServer = new SimulatorServer({
    state,
    identity,
    router: new Router(),
    control: {
      control,
      rateLimiter: state.rateLimiter,
      info: (): Record<string, unknown> => ({
        url: server.baseUrl,
        region: identity.region,
        projectId: identity.projectId,
        credentials: identity.credentials,
        accessKeys: resolved.accessKeys,
        seed: resolved.seed,
        imageCount: resolved.imageCount,
        rateLimits: { enabled: state.rateLimiter.enabled, perMinute: state.rateLimiter.limit },
        summary: dataset.summary(),
      }),
    },
  });
  await server.listen(resolved.port, resolved.host);
  let stopped: Promise<void> | undefined;
  return {
    url: server.baseUrl,
    region: identity.region,
    projectId: identity.projectId,
    credentials: { ...identity.credentials },
    accessKeys: structuredClone(resolved.accessKeys),
    control,
    stop: () => (stopped ??= server.stop()),
  };
}
