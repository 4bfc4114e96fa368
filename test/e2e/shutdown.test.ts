/**
 * SIGTERM on the real entry point, in a child process, while requests are in flight: they all finish,
 * "shutting down" is logged, and the process exits 0 (a 143 reads as a crash to Kubernetes and systemd).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { upstreamEnvFor } from './harness';
import { waitUntil } from './support/observe';

const MAIN = path.join(__dirname, '../../src/main.ts');
const IN_FLIGHT = 6;

jest.setTimeout(90_000);

interface LogLine {
  level: number;
  msg: string;
  graphql?: string;
  signal?: string;
}

describe('SIGTERM during load', () => {
  let simulator: RunningSimulator;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({ imageCount: 50 });
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await simulator.stop();
  });

  it('finishes in-flight requests, logs "shutting down" and exits 0', async () => {
    const lines: LogLine[] = [];
    let stderr = '';
    const started = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        // Apollo installs its own signal handlers outside tests; the child must run as production does.
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'info',
        GATEWAY_SHUTDOWN_GRACE_MS: '10000',
        ...upstreamEnvFor(simulator),
        HWC_QUOTA_LIMITER: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let buffered = '';
    started.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
    });
    started.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      started.once('exit', (code, signal) => resolve({ code, signal })),
    );

    await waitUntil(
      `the gateway listens (stderr: ${stderr})`,
      () => lines.some((line) => line.graphql !== undefined),
      { timeoutMs: 30_000 },
    );
    const graphqlUrl = lines.find((line) => line.graphql !== undefined)!.graphql!;

    // Slow upstream answers keep the requests in flight when the signal arrives.
    simulator.control.setLatency('workspace.listProductImages', { fixedMs: 1500 });
    simulator.control.resetCallCounts();
    const responses = Array.from({ length: IN_FLIGHT }, (_, k) =>
      request(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ productImages(first: ${k + 1}) { totalCount } }` }),
      }).then(async (response) => ({
        status: response.statusCode,
        body: (await response.body.json()) as { data?: unknown; errors?: unknown[] },
      })),
    );
    await waitUntil(
      'the requests reach the upstream',
      () => simulator.control.totalCalls('workspace') >= IN_FLIGHT,
      { timeoutMs: 30_000 },
    );
    started.kill('SIGTERM');

    const answered = await Promise.all(responses);
    for (const response of answered) {
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    }
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(lines.some((line) => line.msg === 'shutting down' && line.signal === 'SIGTERM')).toBe(true);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
