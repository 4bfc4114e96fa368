/**
 * The start-up warm-up, on the real entry point in a child process: it runs before the gateway listens,
 * spends nothing on the configured upstream (it talks to a loopback stand-in), leaves no synthetic data in
 * the gateway's caches, and has the upstream credential ready by the time the gateway listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { serviceCalls, upstreamEnvFor } from './harness';
import { waitUntil } from './support/observe';

const MAIN = path.join(__dirname, '../../src/main.ts');
/** Not the stand-in's size, so an answer from the stand-in's data would show. */
const IMAGES = 37;

jest.setTimeout(90_000);

interface LogLine {
  msg: string;
  graphql?: string;
  rounds?: number;
  requests?: number;
  failed?: number;
}

describe('start-up warm-up', () => {
  let simulator: RunningSimulator;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({ imageCount: IMAGES, seed: 7 });
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await simulator.stop();
  });

  it('runs the reference queries before listening, without one call to the configured upstream', async () => {
    const lines: LogLine[] = [];
    let stderr = '';
    child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'info',
        GATEWAY_WARMUP_ROUNDS: '3',
        ...upstreamEnvFor(simulator, 'password'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

    await waitUntil(
      `the gateway listens (stderr: ${stderr})`,
      () => lines.some((line) => line.graphql !== undefined),
      { timeoutMs: 60_000 },
    );
    const warmed = lines.findIndex((line) => line.msg === 'code paths warmed before listening');
    const listening = lines.findIndex((line) => line.graphql !== undefined);
    expect(warmed).toBeGreaterThanOrEqual(0);
    expect(warmed).toBeLessThan(listening);
    // Three rounds of every reference query (the detail pages from the second round on), all answered.
    expect(lines[warmed]).toMatchObject({ rounds: 3, failed: 0 });
    expect(lines[warmed]!.requests).toBeGreaterThanOrEqual(3 * 6);

    // The configured upstream saw the token request only, and it came before the gateway listened.
    const atListening = simulator.control.callCounts();
    expect(serviceCalls(atListening)).toEqual({});
    expect(Object.values(atListening).reduce((sum, n) => sum + n, 0)).toBe(1);

    // The first query is answered from the configured upstream's data, which the caches did not hold yet.
    const response = await request(lines[listening]!.graphql!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ containerImages(first: 2) { totalCount nodes { id } } }' }),
    });
    const body = (await response.body.json()) as {
      data?: { containerImages: { totalCount: number; nodes: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data!.containerImages.totalCount).toBe(IMAGES);
    expect(Object.keys(serviceCalls(simulator.control.callCounts())).length).toBeGreaterThan(0);
  });
});
