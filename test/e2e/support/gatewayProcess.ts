/**
 * The real entry point (src/main.ts) in a child process against a running simulator, as production starts
 * it: for the tests that send it signals and watch it exit.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { RunningSimulator } from '../../../src/simulator';
import { upstreamEnvFor } from '../harness';
import { waitUntil } from './observe';

const MAIN = path.join(__dirname, '../../../src/main.ts');

export interface LogLine {
  level: number;
  msg: string;
  graphql?: string;
  signal?: string;
  requestId?: string;
  [field: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface GatewayProcess {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  graphqlUrl: string;
  /** Every JSON log line the process wrote so far (it grows). */
  lines: LogLine[];
  /** Settles when the process exits. */
  exited: Promise<Exit>;
  kill(signal: NodeJS.Signals): void;
  /** SIGKILL when it is still running (for afterEach/afterAll). */
  stop(): void;
}

/** Starts the gateway process with `env` over the test defaults and waits until it listens. */
export async function startGatewayProcess(
  simulator: RunningSimulator,
  env: Record<string, string> = {},
): Promise<GatewayProcess> {
  const lines: LogLine[] = [];
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      // Apollo installs its own signal handlers outside tests; the child must run as production does.
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...upstreamEnvFor(simulator),
      HWC_QUOTA_LIMITER: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const running = () => child.exitCode === null && child.signalCode === null;

  try {
    await waitUntil(
      'the gateway listens',
      () => {
        if (!running()) throw new Error(`the gateway exited at start (stderr: ${stderr})`);
        return lines.some((line) => line.graphql !== undefined);
      },
      { timeoutMs: 30_000 },
    );
  } catch (error) {
    if (running()) child.kill('SIGKILL');
    throw error;
  }
  const graphqlUrl = lines.find((line) => line.graphql !== undefined)!.graphql!;
  return {
    url: new URL(graphqlUrl).origin,
    graphqlUrl,
    lines,
    exited,
    kill: (signal) => child.kill(signal),
    stop: () => {
      if (running()) child.kill('SIGKILL');
    },
  };
}
