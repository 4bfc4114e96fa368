/**
 * SIGTERM on the real entry point, in a child process, while requests are in flight: they all finish,
 * "shutting down" is logged, and the process exits 0 (a 143 reads as a crash to Kubernetes and systemd).
 */
import { request } from 'undici';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { startGatewayProcess, type GatewayProcess } from './support/gatewayProcess';
import { waitUntil } from './support/observe';

const IN_FLIGHT = 6;

jest.setTimeout(90_000);

describe('SIGTERM during load', () => {
  let simulator: RunningSimulator;
  let gateway: GatewayProcess | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({ imageCount: 50 });
  });
  afterAll(async () => {
    gateway?.stop();
    await simulator.stop();
  });

  it('finishes in-flight requests, logs "shutting down" and exits 0', async () => {
    const started = await startGatewayProcess(simulator, { GATEWAY_SHUTDOWN_GRACE_MS: '10000' });
    gateway = started;

    // Slow upstream answers keep the requests in flight when the signal arrives.
    simulator.control.setLatency('workspace.listProductImages', { fixedMs: 1500 });
    simulator.control.resetCallCounts();
    const responses = Array.from({ length: IN_FLIGHT }, (_, k) =>
      request(started.graphqlUrl, {
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
    expect(await started.exited).toEqual({ code: 0, signal: null });
    const { lines } = started;
    expect(lines.some((line) => line.msg === 'shutting down' && line.signal === 'SIGTERM')).toBe(true);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
