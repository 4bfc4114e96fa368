/**
 * What the quota model promises a user, over HTTP against the simulator enforcing HSS's limits: stale
 * before null, one bad API stays one, interactive calls before background warm-ups, and a budget that a
 * console can see (the `upstreamQuota` field, `/metrics`, `extensions.upstream`).
 */
import { request } from 'undici';
import type { UpstreamQuotaModel } from '../../src/graphql/models';
import { errorCodes, operation, serviceCalls, startStack, type Stack } from './harness';
import { DASHBOARD, type Dashboard } from './support/dashboard';
import { waitUntil } from './support/observe';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const FIVE_ROWS = { first: 5, filter: { type: 'PRIVATE' } } as const;

interface UpstreamExtension {
  calls: Record<string, number>;
  refused?: Record<string, number>;
  queued?: number;
  stale?: { path?: (string | number)[]; api: string; ageMs: number; reason: string }[];
}

const upstreamExtension = (body: { extensions?: Record<string, unknown> }) =>
  body.extensions?.['upstream'] as UpstreamExtension | undefined;

it('is never throttled under sustained load from concurrent clients for more than two windows', async () => {
  // 5 calls per 2 s window on both sides (the documented 5 per 60 s, shortened so that 3+ windows pass in
  // seconds; the margin covers the time a call takes from admission to the simulator on a busy machine);
  // six clients load dashboards of different pages and filters back to back.
  stack = await startStack({
    simulator: { imageCount: 400, seed: 7, rateLimits: { perMinute: 5, windowMs: 2_000 } },
    env: { HWC_QUOTA_LIMITER: 'on', HWC_QUOTA_HSS_WINDOW_MS: '2000', HWC_QUOTA_MARGIN_MS: '600' },
  });
  const started = stack;
  const types = ['PRIVATE', 'SHARED', 'ENTERPRISE'];
  const until = Date.now() + 7_000;
  let responses = 0;
  await Promise.all(
    Array.from({ length: 6 }, async (_, client) => {
      for (let round = 0; Date.now() < until; round += 1) {
        const variables = {
          first: 5 + ((client + round) % 4) * 5,
          filter: { type: types[(client + round) % 3] },
        };
        const response = await started.query<Dashboard>(DASHBOARD, variables);
        expect(response.status).toBe(200);
        responses += 1;
      }
    }),
  );
  expect(responses).toBeGreaterThan(6);
  // The simulator's own log: no 429, and no window of 2 s ever held more than 5 calls of one API.
  expect(started.simulator.control.throttledCounts()).toEqual({});
  const admitted = started.simulator.control.admittedCallTimes();
  for (const [route, times] of Object.entries(admitted)) {
    const busiest = Math.max(
      ...(times ?? []).map((start) => (times ?? []).filter((t) => t >= start && t < start + 2_000).length),
    );
    expect({ route, busiest: Math.min(busiest, 6) }).toEqual({ route, busiest: Math.min(busiest, 5) });
  }
  // The budget was used, not just protected: more than one window's worth of files statistics went out.
  expect(admitted['hss.showImageFilesStat']!.length).toBeGreaterThan(5);
});

it('serves a second dashboard within the TTLs with zero upstream calls, whatever the scan states', async () => {
  stack = await startStack({ simulator: { imageCount: 400, seed: 7, scanDurationMs: 60_000 } });
  const variables = { first: 100, filter: { type: 'PRIVATE' } };
  // One image of the page is being scanned: a rescan keeps it `scanning` for the test's length.
  const dataset = stack.simulator.control.dataset;
  const target = Array.from({ length: 100 }, (_, index) => dataset.getImage(index)).find(
    (image) => image.image_type === 'private_image' && image.scan_status === 'success',
  )!;
  const scan = await stack.query(operation('ScanImages'), {
    input: {
      imageType: 'PRIVATE',
      images: [{ namespace: target.namespace, name: target.image_name, tag: target.image_version }],
    },
  });
  expect(scan.body.errors).toBeUndefined();
  const first = await stack.query<Dashboard>(DASHBOARD, variables);
  expect(first.body.errors).toBeUndefined();
  const states = new Set(first.body.data!.containerImages.nodes.map((node) => node.scan.status));
  for (const state of ['SUCCESS', 'FAILED', 'SCANNING', 'UNSCANNED', 'WAITING_FOR_SCAN'])
    expect(states).toContain(state);
  stack.resetCalls();
  const again = await stack.query<Dashboard>(DASHBOARD, variables);
  expect(again.body).toEqual(first.body);
  expect(serviceCalls(stack.calls())).toEqual({});
});

it('serves the whole dashboard from older values, marked stale, when the budget is spent after a warm load', async () => {
  stack = await startStack({
    simulator: { imageCount: 300, seed: 7, rateLimits: true },
    // The real 60 s window; lists are fresh for 150 ms and not served stale-while-refreshing, so the
    // third load below must call ListRegistryImages again, and cannot.
    env: { HWC_QUOTA_LIMITER: 'on', GATEWAY_CACHE_LIST_FRESH_MS: '150', GATEWAY_CACHE_LIST_STALE_MS: '0' },
  });
  const warm = await stack.query<Dashboard>(DASHBOARD, FIVE_ROWS);
  expect(warm.body.errors).toBeUndefined();
  expect(upstreamExtension(warm.body)).toBeUndefined(); // nothing limited, nothing stale: nothing to say

  // Spend the rest of ListRegistryImages' budget on other pages (4 more calls: 5 in the window).
  for (const type of ['SHARED', 'ENTERPRISE', 'HARBOR', 'JFROG']) {
    const other = await stack.query(
      `{ containerImages(first: 1, filter: { type: ${type} }) { totalCount } }`,
    );
    expect(other.body.errors).toBeUndefined();
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  stack.resetCalls();

  const stale = await stack.query<Dashboard>(DASHBOARD, FIVE_ROWS);
  expect(stale.status).toBe(200);
  expect(stale.body.errors).toBeUndefined();
  expect(stale.body.data).toEqual(warm.body.data);
  const report = upstreamExtension(stale.body)!;
  expect(report.refused).toEqual({ 'hss.listRegistryImages': 1 });
  expect(report.stale).toEqual([
    {
      path: ['containerImages'],
      api: 'hss.listRegistryImages',
      ageMs: expect.any(Number),
      reason: 'UPSTREAM_RATE_LIMITED',
    },
  ]);
  expect(report.stale![0]!.ageMs).toBeGreaterThanOrEqual(200);
  // Nothing reached HSS: the list was refused locally, the joins were cached under their scan states.
  // (SWR, with its own budget, refreshed its expired list.)
  expect(serviceCalls(stack.calls())).toEqual({ 'swr.listSharedRepositories': 1 });
  expect(stack.simulator.control.throttledCounts()).toEqual({});
});

it('keeps serving healthy HSS APIs while a broken one is failing (a breaker per API)', async () => {
  stack = await startStack({
    simulator: { imageCount: 300, seed: 7 },
    env: { GATEWAY_BREAKER_FAILURES: '2', HWC_RETRY_MAX_ATTEMPTS: '1' },
  });
  stack.simulator.control.injectFault('hss.listImageApps', { kind: 'wrongShape' });
  const broken = await stack.query<Dashboard>(DASHBOARD, FIVE_ROWS);
  expect(new Set(errorCodes(broken))).toEqual(new Set(['UPSTREAM_BAD_RESPONSE']));
  const nodes = broken.body.data!.containerImages.nodes;
  expect(nodes.filter((node) => node.scan.lastScannedAt !== null).every((node) => node.apps === null)).toBe(
    true,
  );
  expect(nodes.some((node) => node.fileStatistics !== null)).toBe(true);
  expect(stack.gateway.pipeline.breaker.stateOf('hss.listImageApps')).toBe('open');

  // Another, uncached page: the list and the files statistics are served; only apps fail fast.
  stack.resetCalls();
  const next = await stack.query<Dashboard>(DASHBOARD, { first: 5, filter: { type: 'SHARED' } });
  expect(next.body.data!.containerImages.nodes).toHaveLength(5);
  expect(next.body.data!.containerImages.nodes.some((node) => node.fileStatistics !== null)).toBe(true);
  expect(new Set(errorCodes(next))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
  expect(stack.calls()['hss.listRegistryImages']).toBe(1);
  expect(stack.calls()['hss.listImageApps']).toBeUndefined(); // failing fast, not calling
  expect(stack.gateway.pipeline.breaker.stateOf('hss.listRegistryImages')).toBe('closed');
  expect(stack.gateway.pipeline.breaker.stateOf('hss.showImageFilesStat')).toBe('closed');
});

it('keeps a slot of every window for client requests, however many warm-ups are queued', async () => {
  // 5 calls per 2 s on both sides; one slot per window is reserved for interactive calls.
  stack = await startStack({
    simulator: { imageCount: 300, seed: 7, rateLimits: { perMinute: 5, windowMs: 2_000 } },
    env: {
      HWC_QUOTA_LIMITER: 'on',
      HWC_QUOTA_HSS_WINDOW_MS: '2000',
      HWC_QUOTA_MARGIN_MS: '600',
      HWC_QUOTA_INTERACTIVE_RESERVE: '1',
    },
  });
  const page = await stack.query<Dashboard>(DASHBOARD, { first: 20, filter: { type: 'PRIVATE' } });
  expect(errorCodes(page)).toContain('UPSTREAM_RATE_LIMITED');
  const shown = new Set(page.body.data!.containerImages.nodes.map((node) => node.imageId));
  const queued = stack.gateway.pipeline.limiter.warmUps.queuedCount('hss.showImageFilesStat');
  expect(queued).toBeGreaterThan(4);

  // The window rolls over: warm-ups take 4 slots at once, never the 5th.
  await waitUntil(
    'the next window of warm-ups started',
    () => stack!.gateway.pipeline.limiter.warmUps.queuedCount('hss.showImageFilesStat') === queued - 4,
    { timeoutMs: 8_000, intervalMs: 5 },
  );
  // A client opens an image that is not on the page: its statistics are served at once.
  const dataset = stack.simulator.control.dataset;
  const other = Array.from({ length: 300 }, (_, index) => dataset.getImage(index)).find(
    (image) =>
      image.image_type === 'private_image' && !shown.has(image.image_id) && image.latest_scan_time > 0,
  )!;
  const detail = await stack.query<{ containerImage: { fileStatistics: { fileCount: number } | null } }>(
    `query ($ns: String!, $name: String!, $tag: String!) {
      containerImage(type: PRIVATE, namespace: $ns, name: $name, tag: $tag) { fileStatistics { fileCount } }
    }`,
    { ns: other.namespace, name: other.image_name, tag: other.image_version },
  );
  expect(detail.body.errors).toBeUndefined();
  expect(detail.body.data!.containerImage.fileStatistics).toEqual({
    fileCount: dataset.filesStat(other.image_id).total_files_num,
  });
  expect(stack.simulator.control.throttledCounts()).toEqual({});
});

it('shows the budget per API in the graph, in /metrics and in the extensions of a limited response', async () => {
  stack = await startStack({
    simulator: { imageCount: 300, seed: 7, rateLimits: true },
    env: { HWC_QUOTA_LIMITER: 'on' },
  });
  const page = await stack.query<Dashboard>(DASHBOARD, { first: 20, filter: { type: 'PRIVATE' } });
  const report = upstreamExtension(page.body)!;
  expect(report.calls['hss.showImageFilesStat']).toBe(5);
  expect(report.refused!['hss.showImageFilesStat']).toBeGreaterThan(0);
  expect(report.queued).toBeGreaterThan(0);

  stack.resetCalls();
  const quota = await stack.query<{ upstreamQuota: UpstreamQuotaModel[] }>(
    '{ upstreamQuota { api service limit windowMs used remaining nextSlotInMs queued oldestQueuedMs } }',
  );
  expect(quota.body.errors).toBeUndefined();
  const stats = quota.body.data!.upstreamQuota.find((entry) => entry.api === 'hss.showImageFilesStat')!;
  expect(stats).toMatchObject({ service: 'hss', limit: 5, windowMs: 61_000, used: 5, remaining: 0 });
  expect(stats.nextSlotInMs).toBeGreaterThan(50_000);
  expect(stats.queued).toBe(stack.gateway.pipeline.limiter.warmUps.queuedCount('hss.showImageFilesStat'));
  expect(stats.queued).toBeGreaterThan(0);
  expect(quota.body.data!.upstreamQuota.map((entry) => entry.api)).toContain('swr.listSharedRepositories');
  expect(serviceCalls(stack.calls())).toEqual({}); // reading the budget spends none

  const metrics = await request(`${stack.gateway.url}/metrics`);
  const text = await metrics.body.text();
  expect(text).toContain('gateway_upstream_quota_used{api="hss.showImageFilesStat"} 5');
  expect(text).toContain('gateway_upstream_quota_remaining{api="hss.showImageFilesStat"} 0');
  expect(text).toMatch(/gateway_upstream_quota_queued\{api="hss.showImageFilesStat"\} [1-9]/);
  expect(text).toMatch(
    /gateway_upstream_quota_oldest_queued_seconds\{api="hss.showImageFilesStat"\} [0-9.]+/,
  );
});

it('logs one line per operation, with counts per error code and per API, however many fields were limited', async () => {
  const lines: string[] = [];
  stack = await startStack({
    simulator: { imageCount: 300, seed: 7, rateLimits: true },
    env: { HWC_QUOTA_LIMITER: 'on', LOG_LEVEL: 'info' },
    logLines: lines,
  });
  const page = await stack.query<Dashboard>(operation('ImageDashboard'), {
    first: 20,
    filter: { type: 'PRIVATE' },
  });
  const limited = errorCodes(page).filter((code) => code === 'UPSTREAM_RATE_LIMITED').length;
  expect(limited).toBeGreaterThan(5);
  const info = lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => (line['level'] as number) >= 30);
  const operations = info.filter((line) => line['msg'] === 'graphql operation');
  expect(operations).toHaveLength(1);
  expect(operations[0]).toMatchObject({
    operation: 'ImageDashboard',
    errorCodes: { UPSTREAM_RATE_LIMITED: limited },
    upstreamCallsByApi: expect.objectContaining({ 'hss.showImageFilesStat': 5 }),
    quotaRefusedByApi: expect.objectContaining({ 'hss.showImageFilesStat': expect.any(Number) }),
  });
  // Field-level details only at debug.
  expect(info.filter((line) => line['msg'] === 'upstream failure served as a field error')).toEqual([]);
});
