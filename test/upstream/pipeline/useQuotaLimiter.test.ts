/** The quota limiter over a fake clock: the sliding window, warm-ups, the interactive reserve, 429 pauses. */
import { deferredCompletionOf } from '../../../src/upstream/pipeline/deferredCompletion';
import { MemoryAdmissionWindow } from '../../../src/upstream/pipeline/state/memoryAdmissionWindow';
import { useQuotaLimiter, type QuotaLimiterOptions } from '../../../src/upstream/pipeline/useQuotaLimiter';
import type { UpstreamCall } from '../../../src/upstream/upstreamCall';
import {
  counterValue,
  makeCall,
  okResult,
  recordingNext,
  rejectionOf,
  testMetrics,
  upstreamError,
} from './helpers';

const WINDOW = 60_000;

describe('useQuotaLimiter', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  const limiterWith = (overrides: Partial<QuotaLimiterOptions> = {}) =>
    useQuotaLimiter({
      enabled: true,
      limits: { hss: { calls: 5, windowMs: WINDOW } },
      window: new MemoryAdmissionWindow(() => Date.now()),
      interactiveReserve: 1,
      maxWaitMs: 0,
      maxQueuePerApi: 100,
      backoffMinMs: 2_000,
      backoffMaxMs: WINDOW,
      now: () => Date.now(),
      ...overrides,
    });
  const page = (offset: number): UpstreamCall => makeCall({ query: { offset: String(offset) } });

  it('never lets more than N calls into any sliding window, hammered from many concurrent callers', async () => {
    const sent: number[] = [];
    const limiter = limiterWith({ interactiveReserve: 0, maxQueuePerApi: 0 });
    const handler = limiter(
      recordingNext(async () => {
        sent.push(Date.now());
        return okResult();
      }),
    );
    // 20 concurrent callers every 700 ms for 3.5 windows.
    for (let tick = 0; tick * 700 < 3.5 * WINDOW; tick += 1) {
      await Promise.allSettled(Array.from({ length: 20 }, (_, i) => handler(page(tick * 20 + i))));
      await jest.advanceTimersByTimeAsync(700);
    }
    for (const start of sent) {
      expect(sent.filter((time) => time >= start && time < start + WINDOW).length).toBeLessThanOrEqual(5);
    }
    // The budget is spent, not wasted: 5 in each of the first windows.
    expect(sent.length).toBeGreaterThanOrEqual(15);
    limiter.close();
  });

  it('refuses at once with the wait, and queues the refused call to warm the cache when a slot frees', async () => {
    const metrics = testMetrics();
    const next = recordingNext();
    const limiter = limiterWith({ metrics });
    const handler = limiter(next);
    for (let i = 0; i < 5; i += 1) await handler(page(i));
    jest.advanceTimersByTime(10_000);

    const refusal = await rejectionOf(handler(page(5)));
    expect(refusal).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', details: { retryAfterMs: 50_000 } });
    const completion = deferredCompletionOf(refusal)!;
    expect(limiter.warmUps.queuedCount('hss.listRegistryImages')).toBe(1);
    expect(await counterValue(metrics.rateLimited, { reason: 'budget' })).toBe(1);

    await jest.advanceTimersByTimeAsync(50_000);
    await expect(completion.result).resolves.toMatchObject({ status: 200 });
    expect(next).toHaveBeenCalledTimes(6);
    expect(limiter.warmUps.queuedCount()).toBe(0);
    limiter.close();
  });

  it('waits for a slot that frees within maxWaitMs instead of refusing', async () => {
    const next = recordingNext();
    const handler = limiterWith({ maxWaitMs: 500 })(next);
    for (let i = 0; i < 5; i += 1) await handler(page(i));
    jest.advanceTimersByTime(WINDOW - 300);
    const waiting = handler(page(5));
    await jest.advanceTimersByTimeAsync(300);
    await expect(waiting).resolves.toMatchObject({ status: 200 });
    expect(next).toHaveBeenCalledTimes(6);
  });

  it('keeps the interactive reserve free of warm-ups: a fresh client call is still served', async () => {
    const next = recordingNext();
    const limiter = limiterWith({ limits: { hss: { calls: 5, windowMs: WINDOW } }, interactiveReserve: 2 });
    const handler = limiter(next);
    for (let i = 0; i < 5; i += 1) await handler(page(i));
    // A burst of 10 refused calls, all queued as warm-ups.
    for (let i = 5; i < 15; i += 1) await rejectionOf(handler(page(i)));
    expect(limiter.warmUps.queuedCount()).toBe(10);

    // The window rolls over: warm-ups may take 3 of the 5 slots, never the last 2.
    await jest.advanceTimersByTimeAsync(WINDOW);
    expect(next).toHaveBeenCalledTimes(8);
    await expect(handler(page(100))).resolves.toMatchObject({ status: 200 });
    await expect(handler(page(101))).resolves.toMatchObject({ status: 200 });
    await expect(rejectionOf(handler(page(102)))).resolves.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    limiter.close();
  });

  it('pauses the API after an upstream 429, backs off further on repeats, and re-queues the throttled call', async () => {
    let throttle = 2;
    const next = recordingNext(async (call) => {
      if (call.api === 'hss.listRegistryImages' && throttle > 0) {
        throttle -= 1;
        throw upstreamError('UPSTREAM_RATE_LIMITED', 429);
      }
      return okResult();
    });
    const limiter = limiterWith();
    const handler = limiter(next);
    const throttled = await rejectionOf(handler(page(1)));
    expect(throttled).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', details: { status: 429 } });
    // Paused for 2 s: a client call of another API is fine, one of this API is refused without reaching upstream.
    await expect(handler(makeCall({ api: 'hss.listImageApps' }))).resolves.toMatchObject({ status: 200 });
    const refused = (await rejectionOf(handler(makeCall({ query: { q: 'x' } })))) as {
      code: string;
      details: { retryAfterMs: number };
    };
    expect(refused.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(refused.details.retryAfterMs).toBeGreaterThanOrEqual(2_000);
    expect(next).toHaveBeenCalledTimes(2);
    // The queued retry of page 1 runs after the pause, is throttled again (pause doubles to 4 s), then lands.
    // Both queued calls run when the pause ends; the first is throttled again (pause doubles to 4 s).
    await jest.advanceTimersByTimeAsync(1_999);
    expect(next).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(next.mock.calls.length).toBeGreaterThanOrEqual(3);
    const afterSecondThrottle = next.mock.calls.length;
    await jest.advanceTimersByTimeAsync(3_999);
    expect(next).toHaveBeenCalledTimes(afterSecondThrottle);
    await jest.advanceTimersByTimeAsync(1);
    await expect(deferredCompletionOf(throttled)!.result).resolves.toMatchObject({ status: 200 });
    limiter.close();
  });

  it('never queues a call that is not idempotent, and passes unlimited APIs and a disabled limiter through', async () => {
    const next = recordingNext();
    const handler = limiterWith({ limits: { hss: { calls: 1, windowMs: WINDOW } } })(next);
    await handler(page(0));
    const scan = await rejectionOf(handler(makeCall({ method: 'POST', idempotent: false })));
    expect(deferredCompletionOf(scan)).toBeUndefined();
    for (let i = 0; i < 3; i += 1)
      await handler(makeCall({ service: 'swr', api: 'swr.listSharedRepositories' }));
    const off = limiterWith({ enabled: false })(next);
    for (let i = 0; i < 8; i += 1) await off(page(i));
    expect(next).toHaveBeenCalledTimes(1 + 3 + 8);
  });

  it('rejects queued warm-ups on close', async () => {
    const limiter = limiterWith({ limits: { hss: { calls: 1, windowMs: WINDOW } } });
    const handler = limiter(recordingNext());
    await handler(page(0));
    const refusal = await rejectionOf(handler(page(1)));
    limiter.close();
    await expect(deferredCompletionOf(refusal)!.result).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });
});
