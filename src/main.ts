import { loadConfig } from './config/config';
import { startEmbeddedSimulator } from './dev/embeddedSimulator';
import { ConfigError } from './config/configError';
import { startGateway } from './server/createGateway';
import { createLogger } from './server/logger';
import { exitCleanlyOnSignals } from './server/shutdown';
import { remoteUpstreamTarget } from './server/upstreamTarget';
import { warmCodePaths } from './warmUp/warmCodePaths';

/** Starts the gateway from the environment; a bad setting stops the process with one line naming it. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // No credentials: a development run against the embedded simulator.
  const simulator =
    config.upstream.target.kind === 'embedded-simulator'
      ? await startEmbeddedSimulator(config, logger)
      : undefined;
  const target = simulator?.target ?? remoteUpstreamTarget(config);
  await warmCodePaths(config, logger);
  const gateway = await startGateway(config, target, { logger });
  logger.info({ graphql: gateway.graphqlUrl }, `gateway listening at ${gateway.graphqlUrl}`);

  exitCleanlyOnSignals(
    {
      async close() {
        await gateway.close();
        await simulator?.stop();
      },
    },
    logger,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
