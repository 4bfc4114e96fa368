/**
 * The whole-response cache, over HTTP against the simulator: a repeated identical query is answered
 * without executing (no upstream call, same data), anything that changes the answer or makes it
 * unreliable is never reused, and a scan makes the next load fetch fresh.
 */
import { errorCodes, operation, serviceCalls, startStack, type Stack } from './harness';
import { DASHBOARD, PRIVATE_PAGE, type Dashboard } from './support/dashboard';
import { metricSamples, sleep, waitUntil } from './support/observe';

const stacks: Stack[] = [];
async function open(env: Record<string, string> = {}): Promise<Stack> {
  const stack = await startStack({ simulator: { imageCount: 200, seed: 7, scanDurationMs: 100 }, env });
  stacks.push(stack);
  return stack;
}
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((stack) => stack.close()));
});

/** Response-cache outcomes so far, by result (`hit`, `miss`, `stored`, `not-cacheable`). */
async function outcomes(stack: Stack): Promise<Record<string, number>> {
  const samples = await metricSamples(stack.gateway, 'gateway_response_cache_total');
  return Object.fromEntries(samples.map((sample) => [String(sample.labels.result), sample.value]));
}

/** Until the cache write of the response just sent has landed (it is not awaited by the request). */
async function stored(stack: Stack, count: number): Promise<void> {
  await waitUntil(`${count} responses stored`, async () => ((await outcomes(stack)).stored ?? 0) >= count);
}

it('answers a repeated identical query from the response cache: same data, no upstream call', async () => {
  const stack = await open();
  const first = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(first.body.errors).toBeUndefined();
  await stored(stack, 1);
  stack.resetCalls();

  const again = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ data: first.body.data });
  expect(serviceCalls(stack.calls())).toEqual({});
  expect(await outcomes(stack)).toMatchObject({ hit: 1, miss: 1, stored: 1 });

  // Other variables are another response: executed (from the upstream cache below, so still no call).
  const smaller = await stack.query<Dashboard>(DASHBOARD, { ...PRIVATE_PAGE, first: 5 });
  expect(smaller.body.data!.containerImages.nodes).toEqual(
    first.body.data!.containerImages.nodes.slice(0, 5),
  );
  expect((await outcomes(stack)).hit).toBe(1);
});

it('never reuses a response with errors: once the fault is gone, the next load executes', async () => {
  const stack = await open();
  // One unreadable answer: one field error, well below what opens the circuit breaker.
  stack.simulator.control.injectFault('hss.showImageFilesStat', { kind: 'wrongShape' }, { times: 1 });
  const faulty = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(errorCodes(faulty)).toEqual(['UPSTREAM_BAD_RESPONSE']);

  const clean = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(clean.body.errors).toBeUndefined();
  expect(clean.body.data!.containerImages.nodes.some((node) => node.fileStatistics !== null)).toBe(true);
  expect(await outcomes(stack)).toMatchObject({ miss: 2, 'not-cacheable': 1 });
  expect((await outcomes(stack)).hit).toBeUndefined();
});

it('never reuses live figures: a query reading the quota executes every time', async () => {
  const stack = await open({ HWC_QUOTA_LIMITER: 'on' });
  const document = `query($first: Int) {
    containerImages(first: $first) { totalCount }
    upstreamQuota { api used }
  }`;
  const first = await stack.query(document, { first: 3 });
  expect(first.body.errors).toBeUndefined();
  const second = await stack.query<{ upstreamQuota: { api: string; used: number }[] }>(document, {
    first: 3,
  });
  expect(second.body.errors).toBeUndefined();
  expect(await outcomes(stack)).toMatchObject({ miss: 2, 'not-cacheable': 2 });
  const listQuota = second.body.data!.upstreamQuota.find((quota) => quota.api === 'hss.listRegistryImages');
  expect(listQuota?.used).toBe(1); // the list call of the first request, seen live by the second
});

it('lives no longer than its shortest-lived upstream answer, nor than its maximum TTL', async () => {
  const stack = await open({
    GATEWAY_CACHE_LIST_FRESH_MS: '400',
    GRAPHQL_RESPONSE_CACHE_MAX_TTL_MS: '60000',
  });
  await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  await stored(stack, 1);
  await sleep(500); // the list is no longer fresh, so neither is the response built from it
  stack.resetCalls();
  const later = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(later.body.errors).toBeUndefined();
  expect((await outcomes(stack)).hit).toBeUndefined();
  // Served from the stale list while exactly one refresh of it runs.
  await waitUntil('the list refresh', () => serviceCalls(stack.calls())['hss.listRegistryImages'] === 1);

  const short = await open({ GRAPHQL_RESPONSE_CACHE_MAX_TTL_MS: '200' });
  await short.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  await stored(short, 1);
  await sleep(300);
  short.resetCalls();
  await short.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect((await outcomes(short)).hit).toBeUndefined();
  expect(serviceCalls(short.calls())).toEqual({}); // executed again, from the upstream cache below
});

it('is dropped by a scan of an image it shows: the next load fetches fresh', async () => {
  const stack = await open();
  const first = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  await stored(stack, 1);
  const target = first.body.data!.containerImages.nodes.find((node) => node.scan.status === 'SUCCESS')!;
  const scan = await stack.query(operation('ScanImages'), {
    input: {
      imageType: 'PRIVATE',
      images: [{ namespace: target.namespace, name: target.name, tag: target.tag }],
    },
  });
  expect(scan.body.errors).toBeUndefined();
  stack.resetCalls();
  const after = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(after.body.errors).toBeUndefined();
  expect((await outcomes(stack)).hit).toBeUndefined();
  expect(serviceCalls(stack.calls())['hss.listRegistryImages']).toBe(1);
});

it('answers identical concurrent cold queries alike, for the calls of one, then from the cache', async () => {
  const stack = await open();
  const alone = await startStack({ simulator: { imageCount: 200, seed: 7 } });
  stacks.push(alone);
  await alone.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  const oneLoad = serviceCalls(alone.calls());
  // A slow list keeps all twelve in flight before the first answer is stored; on a fast upstream the
  // late ones would be cache hits, which is right but not what this checks.
  stack.simulator.control.setLatency('hss.listRegistryImages', { fixedMs: 300 });

  const together = await Promise.all(
    Array.from({ length: 12 }, () => stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE)),
  );
  for (const response of together) {
    expect(response.status).toBe(200);
    expect(response.body).toEqual(together[0]!.body);
  }
  expect(serviceCalls(stack.calls())).toEqual(oneLoad);
  await stored(stack, 1);
  const next = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(next.body).toEqual(together[0]!.body);
  expect((await outcomes(stack)).hit).toBe(1);
});

it('can be switched off, and then every query executes', async () => {
  const stack = await open({ GRAPHQL_RESPONSE_CACHE: 'off' });
  await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  stack.resetCalls();
  const again = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(again.body.errors).toBeUndefined();
  expect(serviceCalls(stack.calls())).toEqual({});
  expect(stack.gateway.registry.getSingleMetric('gateway_response_cache_total')).toBeUndefined();
});
