import { loadConfig } from './config/config';
import { ConfigError } from './config/configError';
import { startGateway } from './server/createGateway';
import { createLogger } from './server/logger';
import { exitCleanlyOnSignals } from './server/shutdown';

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
  const gateway = await startGateway(config, { logger });
  logger.info({ graphql: gateway.graphqlUrl }, `gateway listening at ${gateway.graphqlUrl}`);

  exitCleanlyOnSignals(gateway, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
