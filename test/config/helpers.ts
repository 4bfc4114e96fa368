import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';

/** The `ConfigError` that `loadConfig` throws for `env`; fails the test if it throws none. */
export function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** Runs the real entry point with `env` added, until it exits (a bad setting stops it at once). */
export function runMain(env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../src/main.ts')], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}
