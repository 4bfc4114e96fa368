/**
 * The start-up warm-up, on the real entry point in a child process: it runs before the gateway listens,
 * spends nothing on the configured upstream (it talks to a loopback stand-in), leaves no synthetic data in
 * the gateway's caches, and has the upstream credential ready by the time the gateway listens.
 */
import { request } from 'undici';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { serviceCalls } from './harness';
import { startGatewayProcess, type GatewayProcess } from './support/gatewayProcess';

/** Not the stand-in's size, so an answer from the stand-in's data would show. */
const IMAGES = 37;

jest.setTimeout(90_000);

describe('start-up warm-up', () => {
  let simulator: RunningSimulator;
  let gateway: GatewayProcess | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({ imageCount: IMAGES, seed: 7 });
  });
  afterAll(async () => {
    gateway?.stop();
    await simulator.stop();
  });

  it('runs the reference queries before listening, without one call to the configured upstream', async () => {
    gateway = await startGatewayProcess(simulator, { GATEWAY_WARMUP_ROUNDS: '3' });
    const { lines } = gateway;
    // The configured upstream saw the credential step only (the IAM token, or the project id with access
    // keys), and it came before the gateway listened.
    const atListening = simulator.control.callCounts();
    expect(serviceCalls(atListening)).toEqual({});
    expect(Object.values(atListening).reduce((sum, n) => sum + n, 0)).toBe(1);

    const warmed = lines.findIndex((line) => line.msg === 'code paths warmed before listening');
    const listening = lines.findIndex((line) => line.graphql !== undefined);
    expect(warmed).toBeGreaterThanOrEqual(0);
    expect(warmed).toBeLessThan(listening);
    // Three rounds of every reference query (the detail pages from the second round on), all answered.
    expect(lines[warmed]).toMatchObject({ rounds: 3, failed: 0 });
    expect(lines[warmed]!['requests']).toBeGreaterThanOrEqual(3 * 6);

    // The first query is answered from the configured upstream's data, which the caches did not hold yet.
    const response = await request(gateway.graphqlUrl, {
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
