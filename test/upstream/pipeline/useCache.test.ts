import { stalenessOf } from '../../../src/upstream/staleness';
import { composePipeline, type UpstreamCall } from '../../../src/upstream/upstreamCall';
import { rateLimitedError, type DeferredCompletion } from '../../../src/upstream/pipeline/deferredCompletion';
import { MemoryCacheStore } from '../../../src/upstream/pipeline/state/memoryCacheStore';
import { useCache, type UseCacheOptions } from '../../../src/upstream/pipeline/useCache';
import {
  counterValue,
  flushPromises,
  makeCall,
  manualNext,
  okResult,
  recordingNext,
  rejectionOf,
  testMetrics,
  upstreamError,
} from './helpers';

const SECOND = 1_000;
const HOUR = 3_600_000;

describe('useCache', () => {
  let time: number;
  let store: MemoryCacheStore;
  const metrics = testMetrics();

  function cached(next: Parameters<ReturnType<typeof useCache>>[0], extra: Partial<UseCacheOptions> = {}) {
    return composePipeline(
      [
        useCache({
          store,
          metrics,
          now: () => time,
          immutableTtlMs: 24 * HOUR,
          listFreshMs: 30 * SECOND,
          listStaleMs: 300 * SECOND,
          maxStaleMs: HOUR,
          ...extra,
        }),
      ],
      next,
    );
  }

  const listCall = (overrides: Partial<UpstreamCall> = {}): UpstreamCall =>
    makeCall({ cachePolicy: 'list', cacheTags: ['hss.registryImages'], ...overrides });

  beforeEach(() => {
    time = 1_000_000;
    store = new MemoryCacheStore({ maxEntries: 100, maxBytes: 1_000_000 });
    metrics.cacheLookups.reset();
  });

  it('misses once, then hits without calling next', async () => {
    const next = recordingNext();
    const handler = cached(next);
    const first = await handler(listCall());
    const second = await handler(listCall());

    expect(second).toEqual(first);
    expect(next).toHaveBeenCalledTimes(1);
    expect(await counterValue(metrics.cacheLookups, { api: 'hss.listRegistryImages', result: 'miss' })).toBe(
      1,
    );
    expect(await counterValue(metrics.cacheLookups, { api: 'hss.listRegistryImages', result: 'hit' })).toBe(
      1,
    );
  });

  it('keeps immutable results for the long TTL and no longer', async () => {
    const next = recordingNext();
    const handler = cached(next);
    const call = makeCall({ cachePolicy: 'immutable', options: { contentVersion: 1700000000 } });
    await handler(call);
    time += 24 * HOUR - 1;
    await handler(call);
    expect(next).toHaveBeenCalledTimes(1);
    time += 1;
    await handler(call);
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('serves a stale list while exactly one background refresh runs, then the refreshed result', async () => {
    const { next, pending } = manualNext();
    const handler = cached(next);
    const firstLoad = handler(listCall());
    await flushPromises(); // the store lookup is async
    pending[0]?.resolve(okResult('v1'));
    await firstLoad;

    time += 31 * SECOND;
    const staleReads = await Promise.all([handler(listCall()), handler(listCall()), handler(listCall())]);
    expect(staleReads.map((result) => result.body)).toEqual(['v1', 'v1', 'v1']);
    expect(pending).toHaveLength(2); // the first load and ONE refresh
    expect(pending[1]?.call.options.signal).toBeUndefined(); // the refresh does not die with a requester

    expect((await handler(listCall())).body).toBe('v1'); // still refreshing: no second refresh
    expect(pending).toHaveLength(2);

    pending[1]?.resolve(okResult('v2'));
    await flushPromises();
    expect((await handler(listCall())).body).toBe('v2');
    expect(pending).toHaveLength(2);
    expect(await counterValue(metrics.cacheLookups, { api: 'hss.listRegistryImages', result: 'stale' })).toBe(
      4,
    );
  });

  it('keeps serving stale when the refresh fails, then as a marked fallback until maxStaleMs', async () => {
    const onBackgroundError = jest.fn();
    let fail = false;
    const next = recordingNext(async () => {
      if (fail) throw upstreamError('UPSTREAM_UNAVAILABLE', 503);
      return okResult('v1');
    });
    const handler = cached(next, { onBackgroundError });
    await handler(listCall());

    fail = true;
    time += 31 * SECOND;
    expect((await handler(listCall())).body).toBe('v1');
    await flushPromises();
    expect(onBackgroundError).toHaveBeenCalledTimes(1);
    expect((await handler(listCall())).body).toBe('v1'); // a new refresh is allowed after the failed one
    await flushPromises();
    expect(next).toHaveBeenCalledTimes(3);

    time += 300 * SECOND; // past staleUntil: a miss; the call fails, so the older value is served instead
    expect((await handler(listCall())).body).toBe('v1');
    time += HOUR; // past maxStaleMs: nothing is kept, and the error reaches the caller
    await expect(handler(listCall())).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('marks a fallback value stale on a copy, leaving the cached value unmarked, and never falls back on a 4xx', async () => {
    let fail: 'none' | 'quota' | 'bad-request' = 'none';
    const next = recordingNext(async () => {
      if (fail === 'quota') throw upstreamError('UPSTREAM_RATE_LIMITED');
      if (fail === 'bad-request') throw upstreamError('UPSTREAM_BAD_REQUEST', 400);
      return okResult({ total_num: 1, data_list: ['a'] });
    });
    const handler = cached(next);
    const first = await handler(listCall());
    time += 400 * SECOND;
    fail = 'quota';
    const stale = await handler(listCall());
    expect(stale.body).toEqual(first.body);
    expect(stalenessOf(stale.body)).toEqual({
      api: 'hss.listRegistryImages',
      ageMs: 400 * SECOND,
      reason: 'UPSTREAM_RATE_LIMITED',
    });
    expect(stalenessOf(first.body)).toBeUndefined();
    fail = 'bad-request';
    await expect(handler(listCall())).rejects.toMatchObject({ code: 'UPSTREAM_BAD_REQUEST' });
  });

  it('never caches errors', async () => {
    let calls = 0;
    const next = recordingNext(async () => {
      calls += 1;
      if (calls === 1) throw upstreamError('UPSTREAM_TIMEOUT');
      return okResult('ok');
    });
    const handler = cached(next);
    await expect(handler(listCall())).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((await handler(listCall())).body).toBe('ok');
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('passes through and never stores calls without a policy or with noStore', async () => {
    const next = recordingNext();
    const handler = cached(next);
    await handler(makeCall());
    await handler(makeCall());
    await handler(listCall({ options: { noStore: true } }));
    await handler(listCall({ options: { noStore: true } }));
    expect(next).toHaveBeenCalledTimes(4);
    expect(store.size).toBe(0);
    expect(await counterValue(metrics.cacheLookups, { api: 'hss.listRegistryImages', result: 'miss' })).toBe(
      0,
    );
  });

  it('honours the isCacheable veto', async () => {
    const next = recordingNext();
    const handler = cached(next, { isCacheable: (_call, result) => result.body !== 'placeholder' });
    next.mockImplementation(async () => okResult('placeholder'));
    await handler(listCall());
    await handler(listCall());
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('keys immutable content by contentVersion', async () => {
    const next = recordingNext();
    const handler = cached(next);
    const software = (version: number): UpstreamCall =>
      makeCall({ api: 'hss.listImageApps', cachePolicy: 'immutable', options: { contentVersion: version } });
    await handler(software(1));
    await handler(software(1));
    await handler(software(2));
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('invalidates tagged entries after a successful invalidating call, not after a failed one', async () => {
    const next = recordingNext();
    const handler = cached(next);
    const image = listCall({ cacheTags: ['hss.image:a'] });
    const other = listCall({ query: { limit: '10', offset: '10' }, cacheTags: ['hss.image:b'] });
    const batchScan = makeCall({
      api: 'hss.batchScanSwrImage',
      method: 'POST',
      idempotent: false,
      body: '{"operate_type":"image"}',
      invalidates: ['hss.image:a'],
    });
    await handler(image);
    await handler(other);

    next.mockImplementationOnce(async () => {
      throw upstreamError('UPSTREAM_BAD_REQUEST', 400);
    });
    await expect(handler(batchScan)).rejects.toMatchObject({ code: 'UPSTREAM_BAD_REQUEST' });
    await handler(image);
    expect(next).toHaveBeenCalledTimes(3); // still cached

    await handler(batchScan);
    await handler(image);
    await handler(other);
    expect(next).toHaveBeenCalledTimes(5); // image refetched, other still cached
  });

  it('does not store a result fetched across an invalidation', async () => {
    const { next, pending } = manualNext();
    const handler = cached(next);
    const load = handler(listCall({ cacheTags: ['hss.image:a'] }));
    await flushPromises();
    const scan = handler(makeCall({ method: 'POST', idempotent: false, invalidates: ['hss.image:a'] }));
    expect(pending).toHaveLength(2);
    pending[1]?.resolve(okResult());
    await scan;
    pending[0]?.resolve(okResult('read before the scan'));
    await load;
    expect(store.size).toBe(0);
  });

  it('stores the result of a deferred (rate-limited) call when it completes', async () => {
    let completeDeferred!: (body: string) => void;
    const deferred: DeferredCompletion = {
      result: new Promise((resolve) => {
        completeDeferred = (body) => resolve(okResult(body));
      }),
      retryAfterMs: () => 12_000,
    };
    const next = recordingNext(async (call) => {
      throw rateLimitedError(call, 12_000, 'quota spent', deferred);
    });
    const handler = cached(next);

    const error = await rejectionOf(handler(listCall()));
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', details: { retryAfterMs: 12_000 } });
    completeDeferred('warmed');
    await flushPromises();

    expect((await handler(listCall())).body).toBe('warmed');
    expect(next).toHaveBeenCalledTimes(1);
  });
});
