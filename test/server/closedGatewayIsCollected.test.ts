/**
 * A closed gateway leaves nothing behind: once `close()` has resolved and its owner lets go, garbage
 * collection reclaims it with its pipeline and caches. The start-up warm-up depends on this (it runs a
 * throwaway gateway before the real one starts), and so does anything that embeds and restarts the gateway.
 * Runs in a child process with `--expose-gc`, the only way to ask for a full collection.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

const SCRIPT = `
const { startSimulator } = require('./src/simulator');
const { loadConfig } = require('./src/config/config');
const { startGateway } = require('./src/server/createGateway');
const { createLogger } = require('./src/server/logger');

async function startUseAndClose() {
  const simulator = await startSimulator({ imageCount: 40 });
  const config = loadConfig({ PORT: '0', GATEWAY_SHUTDOWN_IDLE_GRACE_MS: '0' });
  const gateway = await startGateway(config, {
    region: simulator.region,
    credentials: simulator.credentials,
    endpoints: { iam: simulator.url, hss: simulator.url, swr: simulator.url, workspace: simulator.url },
    projectId: simulator.projectId,
  }, { logger: createLogger('silent') });
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ containerImages(first: 5) { totalCount nodes { fileStatistics { fileCount } } } }' }),
  });
  const body = await response.json();
  if (body.errors || !body.data) throw new Error('query failed: ' + JSON.stringify(body));
  const pipeline = new WeakRef(gateway.pipeline);
  const server = new WeakRef(gateway);
  await gateway.close();
  await simulator.stop();
  return { pipeline, server };
}

(async () => {
  const refs = await startUseAndClose();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    global.gc();
    if (!refs.pipeline.deref() && !refs.server.deref()) {
      process.stdout.write('collected');
      return;
    }
  }
  process.stdout.write('still reachable');
})().catch((error) => {
  process.stdout.write('failed: ' + (error && error.stack || error));
});
`;

it('is garbage-collected with its pipeline and caches once closed', () => {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('collected');
}, 90_000);
