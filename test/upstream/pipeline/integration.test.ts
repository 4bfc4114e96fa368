/**
 * The middlewares composed as the gateway composes them, over a counting fake core: the warm-up path end
 * to end (a refused call is queued to warm the cache, so the next load is complete).
 */
import { Registry } from 'prom-client';

import { createUpstreamMetrics } from '../../../src/upstream/metrics';
import type { UpstreamCall } from '../../../src/upstream/upstreamCall';
import {
  createPipeline,
  resolvePipelineConfig,
  type Pipeline,
} from '../../../src/upstream/pipeline/createPipeline';
import { DEFAULTS } from '../../../src/config/defaults';
import { makeCall, recordingNext, rejectionOf } from './helpers';

jest.setTimeout(5_000);

describe('the assembled pipeline', () => {
  let pipeline: Pipeline;

  beforeEach(() => {
    jest.useFakeTimers();
    pipeline = createPipeline({}, { metrics: createUpstreamMetrics(new Registry()) });
  });
  afterEach(() => {
    pipeline.close();
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

  it('refuses the 6th HSS call at once, queues it once however often it is asked, and serves the retry from the cache', async () => {
    const core = recordingNext();
    const handler = pipeline.around(core);

    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => handler(software(id))));
    expect(core).toHaveBeenCalledTimes(5);

    // Two concurrent requests for the 6th image: one shared refusal, one queued warm-up.
    const [first, second] = await Promise.all([
      rejectionOf(handler(software('f'))),
      rejectionOf(handler(software('f'))),
    ]);
    expect(first).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', details: { retryAfterMs: 61_000 } });
    expect(second).toBe(first);
    // A later identical request is answered at once too: coalescing holds the queued call, so the limiter
    // never queues it twice.
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(handler(software('f'))).rejects.toMatchObject({ details: { retryAfterMs: 59_000 } });
    expect(pipeline.limiter.warmUps.queuedCount()).toBe(1);
    expect(core).toHaveBeenCalledTimes(5);

    await jest.advanceTimersByTimeAsync(59_000); // a slot frees: the warm-up runs and is stored
    expect(core).toHaveBeenCalledTimes(6);

    await expect(handler(software('f'))).resolves.toMatchObject({ status: 200 });
    await expect(handler(software('a'))).resolves.toMatchObject({ status: 200 });
    expect(core).toHaveBeenCalledTimes(6);
  });

  it('merges config overrides over the defaults table, limits key by key', () => {
    const config = resolvePipelineConfig({
      cache: { listFreshMs: 5_000 },
      quota: { limits: { 'hss.listRegistryImages': { calls: 10, windowMs: 60_000 } } },
    });
    expect(config.cache).toEqual({ ...DEFAULTS.pipeline.cache, listFreshMs: 5_000 });
    expect(config.quota.limits.hss).toEqual({ calls: 5, windowMs: 61_000 });
    expect(config.quota.limits['hss.listRegistryImages']).toEqual({ calls: 10, windowMs: 60_000 });
    expect(config.breaker).toEqual(DEFAULTS.pipeline.breaker);
  });
});
