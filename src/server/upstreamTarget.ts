import type { Logger } from 'pino';
import type { GatewayConfig, UpstreamCredentials } from '../config/config';
import type { ServiceEndpoints } from '../config/endpoints';
import { startSimulator, type RunningSimulator } from '../simulator';

export interface ResolvedUpstreamTarget {
  region: string;
  credentials: UpstreamCredentials;
  endpoints: ServiceEndpoints;
  projectId?: string;
  /** Present when the gateway started its own simulator (no credentials configured). */
  simulator?: RunningSimulator;
}

/** Turns the configured target into endpoints and credentials, starting the embedded simulator if needed. */
export async function resolveUpstreamTarget(
  config: GatewayConfig,
  logger: Logger,
): Promise<ResolvedUpstreamTarget> {
  const { target, projectId } = config.upstream;
  if (target.kind === 'remote') {
    return { region: target.region, credentials: target.credentials, endpoints: target.endpoints, projectId };
  }
  const simulator = await startSimulator({
    seed: target.seed,
    imageCount: target.imageCount,
    rateLimits: target.rateLimits,
    port: target.port,
  });
  const url = simulator.url;
  logger.info(
    { simulatorUrl: url, seed: target.seed, images: target.imageCount, rateLimits: target.rateLimits },
    `no HWC_IAM_* credentials set: serving the embedded Huawei Cloud simulator at ${url}`,
  );
  return {
    region: simulator.region,
    credentials: simulator.credentials,
    endpoints: { iam: url, hss: url, swr: url, workspace: url },
    projectId: projectId ?? simulator.projectId,
    simulator,
  };
}
