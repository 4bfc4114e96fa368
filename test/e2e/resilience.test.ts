/**
 * Resilience of the upstream pipeline, end to end over HTTP against the simulator: in-flight coalescing
 * across client requests, caching by immutability with rescans making entries fresh again, the circuit
 * breaker opening and closing as configured, and a disconnecting client cancelling upstream work.
 */
import { request } from 'undici';
import { errorCodes, operation, serviceCalls, startStack, type Stack } from './harness';
import { DASHBOARD, PRIVATE_PAGE, placeholders, type Dashboard } from './support/dashboard';
import { metricSum, sleep, upstreamOutcomes, waitUntil } from './support/observe';

/** A cheap query costing exactly one HSS call (ListRegistryImages). */
const IMAGE_COUNT = `{ containerImages(first: 1) { totalCount } }`;

const stacks: Stack[] = [];
async function open(options: Parameters<typeof startStack>[0]): Promise<Stack> {
  const stack = await startStack(options);
  stacks.push(stack);
  return stack;
}
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((stack) => stack.close()));
});

describe('coalescing', () => {
  it('answers 50 concurrent identical dashboard requests for the upstream calls of one', async () => {
    const single = await open({ simulator: { imageCount: 400, seed: 7 } });
    const alone = await single.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
    expect(alone.body.errors).toBeUndefined();
    const oneRequestCalls = single.calls();
    expect(oneRequestCalls['hss.showImageFilesStat']).toBe(20);

    const busy = await open({ simulator: { imageCount: 400, seed: 7 } });
    // Upstream latency keeps every call in flight while the 50 requests arrive, so the test measures
    // coalescing (and not a cache filled by an early finisher).
    busy.simulator.control.setLatency('*', { fixedMs: 150 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => busy.query<Dashboard>(DASHBOARD, PRIVATE_PAGE)),
    );
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual(alone.body.data);
    }
    // IAM included: one token and one project lookup for all of them, too.
    expect(busy.calls()).toEqual(oneRequestCalls);
    expect(await metricSum(busy.gateway, 'gateway_upstream_coalesced_total')).toBeGreaterThan(0);
  });
});

describe('cache', () => {
  it('serves a second load from the cache and re-fetches exactly what a rescan changed', async () => {
    const stack = await open({ simulator: { imageCount: 400, seed: 7, scanDurationMs: 200 } });
    const dataset = stack.simulator.control.dataset;
    const first = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
    expect(first.body.errors).toBeUndefined();
    const firstNodes = first.body.data!.containerImages.nodes;

    stack.resetCalls();
    const again = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data).toEqual(first.body.data);
    // No files statistics, no software, no list, no SWR call: every scan state is cached under its key.
    expect(placeholders(firstNodes).length).toBeGreaterThan(0);
    expect(serviceCalls(stack.calls())).toEqual({});

    // Rescan one successfully scanned image of the page.
    const target = firstNodes.find((node) => node.scan.status === 'SUCCESS' && node.apps!.totalCount > 0)!;
    expect(target).toBeDefined();
    const reference = {
      type: 'private_image' as const,
      namespace: target.namespace,
      name: target.name,
      tag: target.tag,
    };
    const before = dataset.findImage(reference)!;
    const scan = await stack.query(operation('ScanImages'), {
      input: {
        imageType: 'PRIVATE',
        images: [{ namespace: target.namespace, name: target.name, tag: target.tag }],
      },
    });
    expect(scan.body).toEqual({ data: { scanImages: { accepted: true, requestedCount: 1 } } });
    await waitUntil(
      'the simulator finished the rescan',
      () => {
        const now = dataset.findImage(reference)!;
        return now.scan_status !== 'scanning' && now.latest_scan_time !== before.latest_scan_time;
      },
      { timeoutMs: 5_000 },
    );
    const after = dataset.findImage(reference)!;
    expect(after.latest_scan_time).toBeGreaterThan(before.latest_scan_time);
    expect(after.scan_status).toBe('success'); // (seed 7) so the row has new software to show

    stack.resetCalls();
    const rescanned = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
    expect(rescanned.body.errors).toBeUndefined();
    const nodes = rescanned.body.data!.containerImages.nodes;
    const row = nodes.find((node) => node.id === target.id)!;
    expect(row).toBeDefined();
    expect(row.scan.lastScannedAt).toBe(new Date(after.latest_scan_time).toISOString());
    expect(row.scan.lastScannedAt).not.toBe(target.scan.lastScannedAt);
    const software = dataset.appsOfImage(after.image_id);
    expect(row.apps!.totalCount).toBe(software.length);
    expect(row.apps!.nodes.map((app) => app.name)).toEqual(software.slice(0, 5).map((app) => app.app_name));
    // Every other row is exactly as before.
    for (const node of nodes)
      if (node.id !== target.id) expect(node).toEqual(firstNodes.find((n) => n.id === node.id));

    // Exactly the affected calls: the list (a scan changes scan states), and the rescanned image's
    // software and files statistics under its new scan state. Not the whole page.
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listRegistryImages': 1,
      'hss.showImageFilesStat': 1,
      'hss.listImageApps': 1,
    });
  });
});

describe('circuit breaker', () => {
  it('opens after the configured failures, fails fast without calling HSS, and closes after a successful probe', async () => {
    const openMs = 300;
    const stack = await open({
      env: {
        GATEWAY_BREAKER_FAILURES: '3',
        GATEWAY_BREAKER_OPEN_MS: String(openMs),
        HWC_RETRY_MAX_ATTEMPTS: '1',
      },
    });
    const control = stack.simulator.control;
    control.injectFault('hss.listRegistryImages', { kind: 'status', status: 500 });

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const response = await stack.query(IMAGE_COUNT);
      expect(errorCodes(response)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(stack.calls()['hss.listRegistryImages']).toBe(attempt);
      expect(stack.gateway.pipeline.breaker.stateOf('hss.listRegistryImages')).toBe(
        attempt < 3 ? 'closed' : 'open',
      );
    }

    const fastFail = await stack.query(IMAGE_COUNT);
    expect(errorCodes(fastFail)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(fastFail.body.errors![0]!.extensions!.upstream).toMatchObject({ service: 'hss' });
    expect(stack.calls()['hss.listRegistryImages']).toBe(3); // never reached the simulator
    expect(await metricSum(stack.gateway, 'gateway_upstream_breaker_open', { service: 'hss' })).toBe(1);
    // Other services are not affected by the HSS breaker.
    const products = await stack.query(`{ productImages(first: 1) { totalCount } }`);
    expect(products.body.errors).toBeUndefined();

    control.clearFaults();
    await sleep(openMs + 100);
    const probe = await stack.query<{ containerImages: { totalCount: number } }>(IMAGE_COUNT);
    expect(probe.body.errors).toBeUndefined();
    expect(probe.body.data!.containerImages.totalCount).toBeGreaterThan(0);
    expect(stack.calls()['hss.listRegistryImages']).toBe(4);
    expect(stack.gateway.pipeline.breaker.stateOf('hss.listRegistryImages')).toBe('closed');
    expect(await metricSum(stack.gateway, 'gateway_upstream_breaker_open', { service: 'hss' })).toBe(0);
  });

  it('re-opens when the probe fails', async () => {
    const openMs = 200;
    const stack = await open({
      env: {
        GATEWAY_BREAKER_FAILURES: '2',
        GATEWAY_BREAKER_OPEN_MS: String(openMs),
        HWC_RETRY_MAX_ATTEMPTS: '1',
      },
    });
    stack.simulator.control.injectFault('hss.listRegistryImages', { kind: 'status', status: 503 });
    await stack.query(IMAGE_COUNT);
    await stack.query(IMAGE_COUNT);
    expect(stack.gateway.pipeline.breaker.stateOf('hss.listRegistryImages')).toBe('open');
    await sleep(openMs + 100);
    const probe = await stack.query(IMAGE_COUNT);
    expect(errorCodes(probe)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(stack.calls()['hss.listRegistryImages']).toBe(3);
    expect(stack.gateway.pipeline.breaker.stateOf('hss.listRegistryImages')).toBe('open');
    const fastFail = await stack.query(IMAGE_COUNT);
    expect(errorCodes(fastFail)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(stack.calls()['hss.listRegistryImages']).toBe(3);
  });
});

describe('client disconnect', () => {
  /** Sends IMAGE_COUNT on its own connection, abortable; resolves to the outcome, never rejects. */
  function send(
    stack: Stack,
    signal: AbortSignal,
  ): Promise<{ data?: unknown; errors?: unknown } | 'aborted'> {
    return request(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: IMAGE_COUNT }),
      signal,
    }).then(
      (response) => response.body.json() as Promise<{ data?: unknown; errors?: unknown }>,
      () => 'aborted' as const,
    );
  }

  const abortedUpstream = async (stack: Stack) =>
    (await upstreamOutcomes(stack.gateway))['hss.listRegistryImages']?.['aborted'] ?? 0;

  it('cancels the upstream call nobody else waits for', async () => {
    // A hang the gateway would otherwise wait on for its 10 s headers timeout.
    const stack = await open({ env: { HWC_HEADERS_TIMEOUT_MS: '10000' } });
    await stack.query(`{ productImages(first: 1) { totalCount } }`); // token and project id in place
    stack.simulator.control.injectFault('hss.listRegistryImages', { kind: 'hang' });
    const client = new AbortController();
    const outcome = send(stack, client.signal);
    await waitUntil('the call reached the simulator', () => stack.calls()['hss.listRegistryImages'] === 1);

    client.abort();
    expect(await outcome).toBe('aborted');
    // The gateway abandons the hung upstream request (counted with outcome "aborted") long before its
    // headers timeout, and does not retry it.
    await waitUntil('the upstream call was cancelled', async () => (await abortedUpstream(stack)) === 1, {
      timeoutMs: 3_000,
    });
    expect(stack.calls()['hss.listRegistryImages']).toBe(1);
    expect(await metricSum(stack.gateway, 'gateway_upstream_requests_total', { service: 'hss' })).toBe(1);

    // The gateway is fine afterwards.
    stack.simulator.control.clearFaults();
    const clean = await stack.query(IMAGE_COUNT);
    expect(clean.body.errors).toBeUndefined();
  });

  it('keeps the shared upstream call running while another client still waits for it', async () => {
    const stack = await open({});
    await stack.query(`{ productImages(first: 1) { totalCount } }`);
    stack.simulator.control.setLatency('hss.listRegistryImages', { fixedMs: 600 });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = send(stack, leaving.signal);
    await waitUntil('the call reached the simulator', () => stack.calls()['hss.listRegistryImages'] === 1);
    const stayed = send(stack, staying.signal);
    // Let the second request join the in-flight call before the first client leaves.
    await waitUntil(
      'the second request joined the in-flight call',
      async () => (await metricSum(stack.gateway, 'gateway_upstream_coalesced_total')) === 1,
      { timeoutMs: 3_000 },
    );
    leaving.abort();
    expect(await left).toBe('aborted');

    const result = await stayed;
    expect(result).not.toBe('aborted');
    expect((result as { errors?: unknown }).errors).toBeUndefined();
    expect(stack.calls()['hss.listRegistryImages']).toBe(1);
    expect(await abortedUpstream(stack)).toBe(0);
  });
});
