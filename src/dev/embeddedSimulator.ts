/**
 * Development only: with no Huawei Cloud credentials, `npm start` serves a realistic graph from the
 * simulator, started in this process. The entry point alone loads this module, so the gateway itself
 * never depends on the simulator.
 */
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/config';
import type { ResolvedUpstreamTarget } from '../server/upstreamTarget';
import { startSimulator } from '../simulator';

export interface EmbeddedSimulator {
  target: ResolvedUpstreamTarget;
  stop(): Promise<void>;
}

export async function startEmbeddedSimulator(
  config: GatewayConfig,
  logger: Logger,
): Promise<EmbeddedSimulator> {
  const { target } = config.upstream;
  if (target.kind !== 'embedded-simulator')
    throw new Error('credentials are configured: no simulator needed');
  const simulator = await startSimulator({
    seed: target.seed,
    imageCount: target.imageCount,
    rateLimits: target.rateLimits,
    port: target.port,
  });
  const url = simulator.url;
  logger.info(
    { simulatorUrl: url, seed: target.seed, images: target.imageCount, rateLimits: target.rateLimits },
    `no Huawei Cloud credentials set: serving the embedded Huawei Cloud simulator at ${url}`,
  );
  return {
    target: {
      region: simulator.region,
      credentials: simulator.credentials,
      endpoints: { iam: url, hss: url, swr: url, workspace: url },
      projectId: config.upstream.projectId ?? simulator.projectId,
    },
    stop: () => simulator.stop(),
  };
}
