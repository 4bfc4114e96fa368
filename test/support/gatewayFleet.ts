/**
 * N gateway processes, started as an operator would (`src/main.ts` with an environment), all pointed at
 * one simulator as a remote Huawei Cloud and, when given, one Redis: the compose topology without Docker.
 * Each process is its own Node runtime (own memory, own timers), so whatever they share goes through
 * Redis. Stops them with SIGTERM and reports how each exited.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import type { RunningSimulator } from '../../src/simulator';
import { upstreamEnvFor } from '../e2e/harness';

const MAIN = path.join(__dirname, '../../src/main.ts');
const START_TIMEOUT_MS = 60_000;

export interface FleetGateway {
  readonly name: string;
  readonly graphqlUrl: string;
  readonly process: ChildProcess;
  /** Log lines (pino JSON) written so far. */
  readonly logLines: string[];
}

export interface GatewayFleet {
  readonly gateways: readonly FleetGateway[];
  /** SIGTERM to every gateway; resolves with each exit code once all have exited. */
  stop(): Promise<(number | null)[]>;
}

export interface FleetOptions {
  count: number;
  simulator: RunningSimulator;
  redisUrl?: string;
  /** Extra environment for every gateway. */
  env?: Record<string, string>;
}

export async function startGatewayFleet(options: FleetOptions): Promise<GatewayFleet> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...upstreamEnvFor(options.simulator),
    ...(options.redisUrl !== undefined && { REDIS_URL: options.redisUrl }),
    ...options.env,
  };
  const started = await Promise.allSettled(
    Array.from({ length: options.count }, (_, k) => startOne(`gateway-${k + 1}`, env)),
  );
  const gateways = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const fleet: GatewayFleet = {
    gateways,
    stop: () => Promise.all(gateways.map((gateway) => stopOne(gateway.process))),
  };
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await fleet.stop();
    throw failure.reason;
  }
  return fleet;
}

function startOne(name: string, env: NodeJS.ProcessEnv): Promise<FleetGateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms: ${stderr.trim()}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited at start with code ${code}: ${stderr.trim()}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logLines.push(line);
      const graphql = listeningUrl(line);
      if (graphql === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ name, graphqlUrl: graphql, process: child, logLines });
    });
  });
}

/** The `graphql` URL of the "gateway listening" log line, if `line` is that line. */
function listeningUrl(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { graphql?: unknown };
    return typeof entry.graphql === 'string' ? entry.graphql : undefined;
  } catch {
    return undefined;
  }
}

function stopOne(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(force);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}
