/**
 * Every fault kind the simulator can inject, on one upstream route, over HTTP: the affected
 * fields are null with the documented `extensions.code` and `extensions.upstream.service`, every other
 * field still arrives, no error reveals the password, a URL or the project id, and the gateway stays
 * healthy (GET /health, and a clean query once the fault is cleared).
 */
import { request } from 'undici';
import type { FaultSpec, SimulatorRouteId } from '../../src/simulator';
import { startStack, type GraphQLResponse, type Stack } from './harness';
import { DASHBOARD, type Dashboard } from './support/dashboard';
import { expectNoLeaks } from './support/observe';

/** Three private images (all successfully scanned with seed 7): three files-statistics calls. */
const PAGE = { first: 3, filter: { type: 'PRIVATE' } };
const FILES_STAT: SimulatorRouteId = 'hss.showImageFilesStat';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack({
    simulator: { imageCount: 300, seed: 7 },
    env: {
      // A hung upstream is given up after 300 ms (per attempt).
      HWC_HEADERS_TIMEOUT_MS: '300',
      HWC_BODY_TIMEOUT_MS: '300',
      // The breaker has its own test; here one route failing must not trip it for the other HSS APIs.
      GATEWAY_BREAKER_FAILURES: '1000',
    },
  });
});
afterEach(() => stack.close());

async function health(): Promise<number> {
  const response = await request(`${stack.gateway.url}/health`);
  await response.body.dump();
  return response.statusCode;
}

/** The rows are served; `field` of each row is null, explained by one error per row with `code`. */
function expectOnlyFieldFailed(
  response: GraphQLResponse<Dashboard>,
  field: 'fileStatistics' | 'sharedRepository',
  code: string,
  service: string,
): void {
  expect(response.status).toBe(200);
  const nodes = response.body.data!.containerImages.nodes;
  expect(nodes).toHaveLength(3);
  const dataset = stack.simulator.control.dataset;
  for (const node of nodes) {
    const record = dataset.findImage({
      type: 'private_image',
      namespace: node.namespace,
      name: node.name,
      tag: node.tag,
    })!;
    expect(node[field]).toBeNull();
    // The other fields still arrive, with the right data.
    expect(node.imageId).toBe(record.image_id);
    expect(node.scan).toMatchObject({ status: 'SUCCESS', vulnerabilityCount: record.vul_num });
    expect(node.apps!.totalCount).toBe(dataset.appsOfImage(record.image_id).length);
    if (field !== 'fileStatistics') expect(node.fileStatistics).not.toBeNull();
  }
  const errors = response.body.errors ?? [];
  expect(errors).toHaveLength(3);
  expect(errors.map((error) => error.path).sort()).toEqual(
    [0, 1, 2].map((index) => ['containerImages', 'nodes', index, field]),
  );
  for (const error of errors) {
    expect(error.extensions?.code).toBe(code);
    expect(error.extensions?.upstream).toMatchObject({ service });
  }
  expectNoLeaks(stack, response);
}

/** After `clearFaults`, the same page is complete and matches the dataset; /health answered throughout. */
async function expectRecovered(): Promise<void> {
  expect(await health()).toBe(200);
  stack.simulator.control.clearFaults();
  const clean = await stack.query<Dashboard>(DASHBOARD, PAGE);
  expect(clean.body.errors).toBeUndefined();
  const dataset = stack.simulator.control.dataset;
  for (const node of clean.body.data!.containerImages.nodes) {
    const stats = dataset.filesStat(node.imageId);
    expect(node.fileStatistics).toEqual({
      fileCount: stats.total_files_num,
      totalSizeBytes: stats.total_files_size,
    });
  }
}

const CASES: [name: string, fault: FaultSpec, code: string][] = [
  ['a 500', { kind: 'status', status: 500 }, 'UPSTREAM_UNAVAILABLE'],
  ['a 503', { kind: 'status', status: 503 }, 'UPSTREAM_UNAVAILABLE'],
  ['a hang (headers timeout)', { kind: 'hang' }, 'UPSTREAM_TIMEOUT'],
  ['a connection reset', { kind: 'reset' }, 'UPSTREAM_UNAVAILABLE'],
  ['malformed JSON', { kind: 'malformedJson' }, 'UPSTREAM_BAD_RESPONSE'],
  ['JSON of the wrong shape', { kind: 'wrongShape' }, 'UPSTREAM_BAD_RESPONSE'],
  ['a 429 from upstream', { kind: 'rateLimit' }, 'UPSTREAM_RATE_LIMITED'],
  ['a token rejected on every attempt', { kind: 'tokenExpired' }, 'UPSTREAM_AUTH_FAILED'],
];

describe.each(CASES)('files statistics failing with %s', (_name, fault, code) => {
  it(`nulls only the files statistics with ${code} and keeps serving`, async () => {
    stack.simulator.control.injectFault(FILES_STAT, fault);
    const response = await stack.query<Dashboard>(DASHBOARD, PAGE);
    expectOnlyFieldFailed(response, 'fileStatistics', code, 'hss');
    if (code === 'UPSTREAM_RATE_LIMITED') {
      for (const error of response.body.errors!) {
        expect(typeof error.extensions!.retryAfterMs).toBe('number');
        expect(error.extensions!.retryAfterMs as number).toBeGreaterThan(0);
      }
    }
    await expectRecovered();
  });
});

it('renews the token once and retries when a call is rejected once (401 APIGW.0307)', async () => {
  await stack.query(`{ productImages(first: 1) { totalCount } }`); // token in place
  stack.resetCalls();
  stack.simulator.control.injectFault(FILES_STAT, { kind: 'tokenExpired' }, { times: 1 });
  const response = await stack.query<Dashboard>(DASHBOARD, PAGE);
  expect(response.body.errors).toBeUndefined();
  for (const node of response.body.data!.containerImages.nodes) expect(node.fileStatistics).not.toBeNull();
  const calls = stack.calls();
  expect(calls['iam.createToken']).toBe(1); // one renewal
  expect(calls[FILES_STAT]).toBe(3 + 1); // three calls, one of them retried with the new token
});

it('reports a persistent token rejection with a bounded number of renewals', async () => {
  await stack.query(`{ productImages(first: 1) { totalCount } }`);
  stack.resetCalls();
  stack.simulator.control.injectFault(FILES_STAT, { kind: 'tokenExpired' });
  const response = await stack.query<Dashboard>(DASHBOARD, PAGE);
  expectOnlyFieldFailed(response, 'fileStatistics', 'UPSTREAM_AUTH_FAILED', 'hss');
  const calls = stack.calls();
  // Each call renews at most once, then gives up (no renewal loop).
  expect(calls['iam.createToken'] ?? 0).toBeGreaterThanOrEqual(1);
  expect(calls['iam.createToken'] ?? 0).toBeLessThanOrEqual(3);
  expect(calls[FILES_STAT]).toBeLessThanOrEqual(6);
  await expectRecovered();
});

it('nulls only the shared repositories when SWR fails, naming SWR as the service', async () => {
  stack.simulator.control.injectFault('swr.listSharedRepositories', { kind: 'status', status: 500 });
  const response = await stack.query<Dashboard>(DASHBOARD, PAGE);
  expectOnlyFieldFailed(response, 'sharedRepository', 'UPSTREAM_UNAVAILABLE', 'swr');
  expect(await health()).toBe(200);
  stack.simulator.control.clearFaults();
  const clean = await stack.query<Dashboard>(DASHBOARD, PAGE);
  expect(clean.body.errors).toBeUndefined();
});

it('never caches a wrong-shaped answer: once the fault is cleared, the next load asks HSS again', async () => {
  stack.simulator.control.injectFault(FILES_STAT, { kind: 'wrongShape' });
  const faulty = await stack.query<Dashboard>(DASHBOARD, PAGE);
  expectOnlyFieldFailed(faulty, 'fileStatistics', 'UPSTREAM_BAD_RESPONSE', 'hss');
  stack.simulator.control.clearFaults();
  stack.resetCalls();
  const clean = await stack.query<Dashboard>(DASHBOARD, PAGE);
  // An unreadable answer is an error, and errors are never cached: three fresh calls.
  expect(stack.calls()[FILES_STAT]).toBe(3);
  expect(clean.body.errors).toBeUndefined();
});
