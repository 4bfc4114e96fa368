/**
 * The HSS quota end to end over HTTP against the simulator enforcing it: the gateway's own limiter keeps
 * it from ever being throttled (no 429 reaches it, and the simulator never admits more than N calls per
 * API in any window), fields beyond the budget come back null with UPSTREAM_RATE_LIMITED + retryAfterMs
 * while the rest is served, and the refused calls are queued to warm the cache so that the next load of
 * the same page is complete and costs no HSS call.
 */
import { serviceCalls, startStack, type GraphQLResponse, type Stack } from './harness';
import { DASHBOARD, PRIVATE_PAGE, neverScanned, placeholders, type Dashboard } from './support/dashboard';
import { metricSum, sleep, upstreamOutcomes, waitUntil } from './support/observe';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/**
 * The simulator answered no HSS request 429, and by its own log of admitted calls no window of `windowMs`
 * ever held more than `calls` calls of one API; the gateway's metrics agree.
 */
async function expectNeverThrottled(started: Stack, calls: number, windowMs: number): Promise<void> {
  expect(started.simulator.control.throttledCounts()).toEqual({});
  for (const [route, times] of Object.entries(started.simulator.control.admittedCallTimes())) {
    for (const start of times ?? []) {
      const inWindow = (times ?? []).filter((time) => time >= start && time < start + windowMs).length;
      expect({ route, inWindow: Math.min(inWindow, calls + 1) }).toEqual({
        route,
        inWindow: Math.min(inWindow, calls),
      });
    }
  }
  const outcomes = await upstreamOutcomes(started.gateway);
  for (const [api, byOutcome] of Object.entries(outcomes)) {
    if (!api.startsWith('hss.')) continue;
    // The outcome label is the status class (exchange.ts); anything but 2xx would include a 429.
    expect({ api, outcomes: Object.keys(byOutcome) }).toEqual({ api, outcomes: ['2xx'] });
  }
  expect(
    await metricSum(started.gateway, 'gateway_upstream_rate_limited_total', { reason: 'upstream' }),
  ).toBe(0);
}

/**
 * The page is served (20 rows with their list fields); every error is an UPSTREAM_RATE_LIMITED on an HSS
 * join (fileStatistics / apps) of one row, that field is null, and every served join matches the dataset.
 */
function expectPartialPage(started: Stack, response: GraphQLResponse<Dashboard>): void {
  expect(response.status).toBe(200);
  const page = response.body.data!.containerImages;
  expect(page.nodes).toHaveLength(20);
  const dataset = started.simulator.control.dataset;
  for (const node of page.nodes) {
    const record = dataset.findImage({
      type: 'private_image',
      namespace: node.namespace,
      name: node.name,
      tag: node.tag,
    })!;
    expect(record).toBeDefined();
    expect(node.scan).not.toBeNull();
    expect(node.imageId).toBe(record.image_id);
    if (node.fileStatistics !== null) {
      const stats = dataset.filesStat(record.image_id);
      expect(node.fileStatistics).toEqual({
        fileCount: stats.total_files_num,
        totalSizeBytes: stats.total_files_size,
      });
    }
    if (node.apps !== null) expect(node.apps.totalCount).toBe(dataset.appsOfImage(record.image_id).length);
    const shared = dataset
      .sharedRepositories('self')
      .find((repo) => repo.namespace === node.namespace && repo.name === node.name);
    expect(node.sharedRepository?.pullPath ?? null).toBe(shared?.path ?? null);
  }

  const errors = response.body.errors ?? [];
  for (const error of errors) {
    expect(error.extensions?.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(typeof error.extensions?.retryAfterMs).toBe('number');
    expect(error.extensions?.retryAfterMs as number).toBeGreaterThan(0);
    expect(error.extensions?.upstream).toMatchObject({ service: 'hss' });
    const [root, nodes, index, field] = error.path ?? [];
    expect([root, nodes]).toEqual(['containerImages', 'nodes']);
    expect(['fileStatistics', 'apps']).toContain(field);
    expect(page.nodes[index as number]![field as 'fileStatistics' | 'apps']).toBeNull();
  }
  // Each null join is explained by exactly one error (a never-scanned image has no statistics: null,
  // without an error or a call).
  const nullJoins = page.nodes.flatMap((node, index) => [
    ...(node.fileStatistics === null && !neverScanned(node) ? [`${index}.fileStatistics`] : []),
    ...(node.apps === null ? [`${index}.apps`] : []),
  ]);
  expect(errors.map((error) => `${error.path?.[2]}.${error.path?.[3]}`).sort()).toEqual(nullJoins.sort());
}

it('loads the dashboard under the documented 5 calls/min without a single 429, nulling only what the budget cannot cover', async () => {
  stack = await startStack({
    simulator: { imageCount: 400, seed: 7, rateLimits: true },
    env: { HWC_QUOTA_LIMITER: 'on' },
  });
  const response = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);

  expectPartialPage(stack, response);
  // 20 files statistics cannot fit in a budget of 5: some joins were refused locally...
  const nodes = response.body.data!.containerImages.nodes;
  const servedStats = nodes.filter((node) => node.fileStatistics !== null).length;
  expect(servedStats).toBeGreaterThan(0);
  expect(servedStats).toBeLessThanOrEqual(5);
  expect(response.body.errors!.length).toBeGreaterThan(0);
  expect(
    await metricSum(stack.gateway, 'gateway_upstream_rate_limited_total', { reason: 'budget' }),
  ).toBeGreaterThan(0);
  // ...and none was sent to be throttled.
  await expectNeverThrottled(stack, 5, 60_000);
  expect(stack.calls()['hss.showImageFilesStat']).toBe(servedStats);
});

it('serves the rest of the page at once, then — once the queued calls ran — the whole page, every scan state, with no HSS call', async () => {
  // The documented 5 calls per window, with the window shortened to 1 s on both sides, so the queued
  // warm-ups finish in seconds instead of minutes (the margin covers the time from admission to the
  // simulator on a busy machine).
  stack = await startStack({
    simulator: { imageCount: 400, seed: 7, rateLimits: { perMinute: 5, windowMs: 1_000 } },
    env: { HWC_QUOTA_LIMITER: 'on', HWC_QUOTA_HSS_WINDOW_MS: '1000', HWC_QUOTA_MARGIN_MS: '400' },
  });
  const started = stack;
  const first = await started.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expectPartialPage(started, first);
  expect(first.body.errors!.length).toBeGreaterThan(0);
  expect(started.gateway.pipeline.limiter.warmUps.queuedCount()).toBeGreaterThan(0);

  // The refused calls were queued: wait until every one has run and its answer has arrived (each request
  // the gateway sent is counted in its metrics once its response is read).
  await waitUntil(
    'the queued HSS warm-ups have run',
    async () =>
      started.gateway.pipeline.limiter.warmUps.queuedCount() === 0 &&
      (await metricSum(started.gateway, 'gateway_upstream_requests_total', { service: 'hss' })) ===
        started.simulator.control.totalCalls('hss.'),
    { timeoutMs: 30_000, intervalMs: 50 },
  );
  // Each warm-up's cache write follows its answer by a few ticks (through the queue and the cache).
  await sleep(300);
  await expectNeverThrottled(started, 5, 1_000);

  started.resetCalls();
  const again = await started.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(again.body.errors).toBeUndefined();
  expectPartialPage(started, again);
  const nodes = again.body.data!.containerImages.nodes;
  for (const node of nodes) {
    if (!neverScanned(node)) expect(node.fileStatistics).not.toBeNull();
    expect(node.apps).not.toBeNull();
  }
  // The queued warm-ups filled the cache, for every scan state (the page mixes them): no HSS call at all.
  expect(new Set(nodes.map((node) => node.scan.status)).size).toBeGreaterThanOrEqual(2);
  expect(placeholders(nodes).length).toBeGreaterThan(0);
  expect(serviceCalls(started.calls())).toEqual({});
  await expectNeverThrottled(started, 5, 1_000);
});
