import { composePipeline, type UpstreamCall } from '../../../src/upstream/upstreamCall';
import { deferredCompletionOf } from '../../../src/upstream/pipeline/deferredCompletion';
import { useQuotaLimiter, type QuotaLimiterOptions } from '../../../src/upstream/pipeline/useQuotaLimiter';
import {
  counterValue,
  makeCall,
  okResult,
  recordingNext,
  rejectionOf,
  testMetrics,
  upstreamError,
} from './helpers';

jest.setTimeout(5_000);

const page = (offset: number): UpstreamCall => makeCall({ query: { limit: '10', offset: String(offset) } });

describe('useQuotaLimiter', () => {
  const metrics = testMetrics();
  const limiters: { close(): void }[] = [];

  function limited(next = recordingNext(), overrides: Partial<QuotaLimiterOptions> = {}) {
    const limiter = useQuotaLimiter({
      limits: { hss: { capacity: 5, refillPerMinute: 5 }, 'hss.showImageFilesStat': null },
      maxWaitMs: 250,
      maxQueuePerApi: 100,
      backoffMinMs: 2_000,
      backoffMaxMs: 60_000,
      metrics,
      ...overrides,
    });
    limiters.push(limiter);
    return { limiter, next, handler: composePipeline([limiter], next) };
  }

  beforeEach(() => {
    jest.useFakeTimers();
    metrics.rateLimited.reset();
  });
  afterEach(() => {
    for (const limiter of limiters.splice(0)) limiter.close();
    jest.useRealTimers();
  });

  it('lets 5 HSS calls through, refuses the 6th at once and runs it when its token comes', async () => {
    const { limiter, next, handler } = limited();
    for (let i = 0; i < 5; i += 1) await handler(page(i * 10));

    const caller = new AbortController();
    const error = await rejectionOf(handler({ ...page(50), options: { signal: caller.signal } }));
    expect(error).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      details: { service: 'hss', api: 'hss.listRegistryImages', retryAfterMs: 12_000 },
    });
    expect(next).toHaveBeenCalledTimes(5);
    expect(limiter.queuedCount('hss.listRegistryImages')).toBe(1);
    expect(await counterValue(metrics.rateLimited, { api: 'hss.listRegistryImages', reason: 'budget' })).toBe(
      1,
    );

    const deferred = deferredCompletionOf(error);
    expect(deferred).toBeDefined();
    caller.abort(); // the caller leaving does not cancel the warm-up
    await jest.advanceTimersByTimeAsync(11_999);
    expect(next).toHaveBeenCalledTimes(5);
    await jest.advanceTimersByTimeAsync(1);
    expect(next).toHaveBeenCalledTimes(6);
    await expect(deferred?.result).resolves.toMatchObject({ body: { query: { offset: '50' } } });
    expect(next.mock.calls[5]?.[0].options.signal).not.toBe(caller.signal);
    expect(next.mock.calls[5]?.[0].options.signal?.aborted).toBe(false);
    expect(limiter.queuedCount()).toBe(0);
  });

  it('queues refused calls one refill interval apart', async () => {
    const { handler } = limited();
    for (let i = 0; i < 5; i += 1) await handler(page(i * 10));
    const retryAfter = await Promise.all(
      [50, 60, 70].map(
        async (offset) =>
          ((await rejectionOf(handler(page(offset)))) as { details: { retryAfterMs: number } }).details
            .retryAfterMs,
      ),
    );
    expect(retryAfter).toEqual([12_000, 24_000, 36_000]);
  });

  it('waits for a token that comes within maxWaitMs instead of refusing', async () => {
    const { next, handler } = limited(recordingNext(), {
      limits: { hss: { capacity: 1, refillPerMinute: 300 } },
    });
    await handler(page(0));
    const second = handler(page(10)); // next token in 200 ms ≤ 250 ms
    await jest.advanceTimersByTimeAsync(199);
    expect(next).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(second).resolves.toMatchObject({ status: 200 });
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('queues an identical refused call only once', async () => {
    const { limiter, next, handler } = limited();
    for (let i = 0; i < 5; i += 1) await handler(page(i * 10));
    const first = await rejectionOf(handler(page(50)));
    await jest.advanceTimersByTimeAsync(5_000);
    const again = await rejectionOf(handler(page(50)));
    expect(again).toMatchObject({ details: { retryAfterMs: 7_000 } });
    expect(deferredCompletionOf(again)).toBe(deferredCompletionOf(first));
    expect(limiter.queuedCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(7_000);
    expect(next).toHaveBeenCalledTimes(6);
  });

  it('queues at most maxQueuePerApi warm-ups, and never a non-idempotent call', async () => {
    const { limiter, next, handler } = limited(recordingNext(), { maxQueuePerApi: 2 });
    for (let i = 0; i < 5; i += 1) await handler(page(i * 10));
    const errors = await Promise.all([50, 60, 70].map((offset) => rejectionOf(handler(page(offset)))));
    expect(errors.map((error) => deferredCompletionOf(error) !== undefined)).toEqual([true, true, false]);
    expect(errors[2]).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', details: { retryAfterMs: 36_000 } });

    const scan = (): UpstreamCall =>
      makeCall({ api: 'hss.batchScanSwrImage', method: 'POST', idempotent: false, body: '{}' });
    for (let i = 0; i < 5; i += 1) await handler(scan());
    const scanError = await rejectionOf(handler(scan()));
    expect(scanError).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    expect(deferredCompletionOf(scanError)).toBeUndefined();
    expect(limiter.queuedCount()).toBe(2);

    await jest.advanceTimersByTimeAsync(60_000);
    expect(next).toHaveBeenCalledTimes(12); // 5 + 5 scans + the 2 queued warm-ups, nothing else
  });

  it('keeps a bucket per API and leaves unconfigured APIs and services alone', async () => {
    const { next, handler } = limited();
    for (let i = 0; i < 5; i += 1) await handler(page(i * 10));
    await handler(makeCall({ api: 'hss.listImageApps', path: '/apps' }));
    for (let i = 0; i < 10; i += 1) {
      await handler(makeCall({ api: 'hss.showImageFilesStat', path: `/files/${i}` }));
      await handler(makeCall({ service: 'iam', api: 'iam.createToken', path: `/v3/auth/tokens/${i}` }));
    }
    expect(next).toHaveBeenCalledTimes(26);
  });

  it('backs off after an upstream 429 and queues the throttled call behind the pause', async () => {
    let throttle = true;
    const next = recordingNext(async (call) => {
      if (throttle) throw upstreamError('UPSTREAM_RATE_LIMITED', 429, call.api);
      return okResult();
    });
    const { limiter, handler } = limited(next);

    const error = await rejectionOf(handler(page(0)));
    expect(error).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      details: { status: 429, retryAfterMs: 12_000 },
    });
    expect(
      await counterValue(metrics.rateLimited, { api: 'hss.listRegistryImages', reason: 'upstream_429' }),
    ).toBe(1);
    expect(limiter.queuedCount()).toBe(1);

    // The bucket still had 4 tokens, but they are drained: no immediate retry.
    await expect(handler(page(10))).rejects.toMatchObject({ details: { retryAfterMs: 24_000 } });
    expect(next).toHaveBeenCalledTimes(1);

    // The queued warm-up runs after the pause, is throttled again: the pause doubles (24 s) and the other
    // queued call moves behind it.
    await jest.advanceTimersByTimeAsync(12_000);
    expect(next).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(23_999);
    expect(next).toHaveBeenCalledTimes(2);
    throttle = false;
    await jest.advanceTimersByTimeAsync(1);
    expect(next).toHaveBeenCalledTimes(3);
  });

  it('honours a longer upstream hint (APIGW.0308 under any status) as the backoff floor', async () => {
    const throttled = upstreamError('UPSTREAM_RATE_LIMITED', 403);
    throttled.details.retryAfterMs = 30_000;
    const next = recordingNext(async () => {
      throw throttled;
    });
    const { handler } = limited(next);
    await expect(handler(page(0))).rejects.toMatchObject({ details: { status: 403, retryAfterMs: 30_000 } });
    expect(
      await counterValue(metrics.rateLimited, { api: 'hss.listRegistryImages', reason: 'upstream_429' }),
    ).toBe(1);
  });

  it('does not back off on other errors', async () => {
    const next = recordingNext(async () => {
      throw upstreamError('UPSTREAM_UNAVAILABLE', 503);
    });
    const { limiter, handler } = limited(next);
    for (let i = 0; i < 5; i += 1)
      await expect(handler(page(i))).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(next).toHaveBeenCalledTimes(5);
    expect(limiter.queuedCount()).toBe(0);
  });

  it('passes everything through while disabled, and limits again when re-enabled', async () => {
    const { limiter, next, handler } = limited(recordingNext(), { enabled: false });
    for (let i = 0; i < 10; i += 1) await handler(page(i * 10));
    expect(next).toHaveBeenCalledTimes(10);

    limiter.setEnabled(true);
    expect(limiter.isEnabled()).toBe(true);
    for (let i = 0; i < 5; i += 1) await handler(page(i * 10));
    await expect(handler(page(50))).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    expect(next).toHaveBeenCalledTimes(15);
  });

  it('gives the token back to a caller that aborts while waiting for it', async () => {
    const { next, handler } = limited(recordingNext(), {
      limits: { hss: { capacity: 1, refillPerMinute: 300 } },
    });
    await handler(page(0));
    const caller = new AbortController();
    const waiting = handler({ ...page(10), options: { signal: caller.signal } });
    caller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    await jest.advanceTimersByTimeAsync(200);
    await handler(page(20)); // gets the token the aborted caller gave back
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('close() cancels queued warm-ups and leaves no timer behind', async () => {
    const { limiter, next, handler } = limited();
    for (let i = 0; i < 5; i += 1) await handler(page(i * 10));
    const error = await rejectionOf(handler(page(50)));
    expect(jest.getTimerCount()).toBe(1);

    limiter.close();
    expect(jest.getTimerCount()).toBe(0);
    await expect(deferredCompletionOf(error)?.result).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(next).toHaveBeenCalledTimes(5);
  });
});
