/**
 * Failing requests leave nothing behind: 10,000 requests whose upstream call fails (HSS answering 500)
 * do not grow the gateway's heap. Errors, abort listeners, retry timers, coalescing entries, breaker and
 * metrics state must all be released (or bounded) per request.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startStack, type Stack } from './harness';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * The cheapest failing query: one HSS list call. Page sizes cycle through 1–100 so that concurrent
 * requests mostly ask for different pages (distinct upstream calls) rather than all joining one
 * coalesced call.
 */
const failing = (index: number) => `{ containerImages(first: ${(index % 100) + 1}) { totalCount } }`;
const CONCURRENCY = 20;
const WARM_UP = 1_000;
const MEASURED = 10_000;
/** Generous: a leak of even ~1.5 KB per failed request would cross it. */
const MAX_GROWTH_BYTES = 15 * 1024 * 1024;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      // One attempt per request keeps the run short; the retry path is covered by faults.test.ts.
      HWC_RETRY_MAX_ATTEMPTS: '1',
      // With the occasional 400 below, 1,000 consecutive outages (p ≈ 0.9^1000) never happen.
      GATEWAY_BREAKER_FAILURES: '1000',
    },
  });
  // Mostly 500s (outages), with an occasional 400 (a healthy-but-refusing answer, itself a failure for
  // the client) so the circuit breaker never opens: every request goes through the whole pipeline to
  // the simulator instead of failing fast.
  const control = stack.simulator.control;
  control.injectFault('hss.listRegistryImages', { kind: 'status', status: 500 }, { probability: 0.9 });
  control.injectFault('hss.listRegistryImages', { kind: 'status', status: 400, errorCode: 'HSS.0001' });
});
afterAll(() => stack.close());

async function sendFailing(total: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next += 1;
      const response = await stack.query(failing(next));
      const code = response.body.errors?.[0]?.extensions?.code;
      if (code !== 'UPSTREAM_UNAVAILABLE' && code !== 'UPSTREAM_BAD_REQUEST') {
        throw new Error(`expected a failed request, got ${JSON.stringify(response.body)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function settledHeap(): Promise<number> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

it('does not grow across 10,000 failing requests', async () => {
  await sendFailing(WARM_UP);
  const before = await settledHeap();
  stack.resetCalls();

  await sendFailing(MEASURED);
  const after = await settledHeap();

  // The requests went through the whole pipeline to HSS (at most a few joined an identical call in
  // flight; none failed fast at an open breaker or was answered from a cache).
  const calls = stack.calls()['hss.listRegistryImages'] ?? 0;
  expect(calls).toBeLessThanOrEqual(MEASURED);
  expect(calls).toBeGreaterThan(MEASURED * 0.9);
  expect(stack.gateway.pipeline.breaker.stateOf('hss.listRegistryImages')).toBe('closed');
  expect(after - before).toBeLessThan(MAX_GROWTH_BYTES);
}, 60_000);
