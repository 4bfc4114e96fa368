/**
 * The resilience middlewares composed as the gateway composes them, over a counting fake core: the
 * warm-up path end to end (DESIGN §2: "the call is queued to warm the cache, so the next load is complete").
 */
import { Registry } from 'prom-client';

import { createUpstreamMetrics } from '../../../src/upstream/metrics';
import { composePipeline, type UpstreamCall } from '../../../src/upstream/upstreamCall';
import {
  createResilience,
  DEFAULT_RESILIENCE_CONFIG,
  resolveResilienceConfig,
  type Resilience,
} from '../../../src/upstream/pipeline/createPipeline';
import { makeCall, recordingNext, rejectionOf } from './helpers';

jest.setTimeout(5_000);

describe('resilience pipeline', () => {
  let resilience: Resilience;

  beforeEach(() => {
    jest.useFakeTimers();
    resilience = createResilience({}, createUpstreamMetrics(new Registry()));
  });
  afterEach(() => {
    resilience.close();
    jest.useRealTimers();
  });

  const software = (imageId: string): UpstreamCall =>
    makeCall({
      api: 'hss.listImageApps',
      path: `/v5/project/image/${imageId}/apps`,
      cachePolicy: 'immutable',
      cacheTags: [`hss.image:${imageId}`],
      options: { contentVersion: 1_700_000_000_000 },
    });

  it('refuses the 6th HSS call at once, warms the cache with it, and serves the retry from the cache', async () => {
    const core = recordingNext();
    const handler = composePipeline([...resilience.outer, ...resilience.inner], core);

    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => handler(software(id))));
    expect(core).toHaveBeenCalledTimes(5);

    // Two concurrent requests for the 6th image: one shared refusal, one queued warm-up.
    const [first, second] = await Promise.all([
      rejectionOf(handler(software('f'))),
      rejectionOf(handler(software('f'))),
    ]);
    expect(first).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', details: { retryAfterMs: 12_000 } });
    expect(second).toBe(first);
    // A later identical request is answered at once too, without queueing a second warm-up.
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(handler(software('f'))).rejects.toMatchObject({ details: { retryAfterMs: 10_000 } });
    expect(resilience.limiter.queuedCount()).toBe(1);
    expect(core).toHaveBeenCalledTimes(5);

    await jest.advanceTimersByTimeAsync(10_000); // the token comes: the warm-up runs and is stored
    expect(core).toHaveBeenCalledTimes(6);

    await expect(handler(software('f'))).resolves.toMatchObject({ status: 200 });
    await expect(handler(software('a'))).resolves.toMatchObject({ status: 200 });
    expect(core).toHaveBeenCalledTimes(6);
  });

  it('follows the limiter switch at runtime', async () => {
    const core = recordingNext();
    const handler = composePipeline([...resilience.outer, ...resilience.inner], core);
    resilience.limiter.setEnabled(false);
    for (let i = 0; i < 8; i += 1) await handler(makeCall({ query: { offset: String(i) } }));
    expect(core).toHaveBeenCalledTimes(8);
  });

  it('merges config overrides over the defaults, limits key by key', () => {
    const config = resolveResilienceConfig({
      cache: { listFreshMs: 5_000 },
      limiter: { limits: { 'hss.listRegistryImages': { capacity: 10, refillPerMinute: 10 } } },
    });
    expect(config.cache).toEqual({ ...DEFAULT_RESILIENCE_CONFIG.cache, listFreshMs: 5_000 });
    expect(config.limiter.limits.hss).toEqual({ capacity: 5, refillPerMinute: 5 });
    expect(config.limiter.limits['hss.listRegistryImages']).toEqual({ capacity: 10, refillPerMinute: 10 });
    expect(config.breaker).toEqual(DEFAULT_RESILIENCE_CONFIG.breaker);
    expect(resilience.outer).toHaveLength(3);
    expect(resilience.inner).toEqual([resilience.limiter]);
  });
});
