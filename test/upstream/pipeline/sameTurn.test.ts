/**
 * With the pipeline's state in this process (memory cache, memory quota window), a call reaches the HTTP
 * core in the turn it was made: the calls of one batch (a page's joins) do not wait for each other at an
 * await. Observed synchronously, before any promise job runs.
 */
import { Registry } from 'prom-client';

import { createPipeline } from '../../../src/upstream/pipeline/createPipeline';
import type { CacheStore } from '../../../src/upstream/pipeline/state/cacheStore';
import { MemoryCacheStore } from '../../../src/upstream/pipeline/state/memoryCacheStore';
import { createUpstreamMetrics } from '../../../src/upstream/metrics';
import type { UpstreamCall } from '../../../src/upstream/upstreamCall';
import { makeCall, recordingNext } from './helpers';

const software = (imageId: string): UpstreamCall =>
  makeCall({
    api: 'hss.listImageApps',
    path: `/v5/project/image/${imageId}/apps`,
    cachePolicy: 'immutable',
    options: { contentVersion: 1 },
  });

function pipelineWith(cacheStore?: CacheStore) {
  return createPipeline(
    { quota: { enabled: true } },
    { metrics: createUpstreamMetrics(new Registry()), ...(cacheStore && { cacheStore }) },
  );
}

describe('a call whose pipeline state is in this process', () => {
  it('reaches the core in the turn it was made, quota admission and cache lookup included', async () => {
    const pipeline = pipelineWith();
    const core = recordingNext();
    const handler = pipeline.around(core);
    const answers = ['a', 'b', 'c'].map((id) => handler(software(id)));
    expect(core).toHaveBeenCalledTimes(3);
    await Promise.all(answers);
    // The same calls again are cache hits, answered without the core.
    await Promise.all(['a', 'b', 'c'].map((id) => handler(software(id))));
    expect(core).toHaveBeenCalledTimes(3);
    expect((await pipeline.quota([software('a')]))[0]).toMatchObject({ used: 3 });
    pipeline.close();
  });

  it('waits for a store that can only answer later (a shared one), then goes on', async () => {
    const memory = new MemoryCacheStore({ maxEntries: 100, maxBytes: 1_000_000 });
    const asynchronousOnly: CacheStore = {
      get: (key) => memory.get(key),
      set: (key, entry, ttlMs) => memory.set(key, entry, ttlMs),
      delete: (key) => memory.delete(key),
      invalidateTags: (tags) => memory.invalidateTags(tags),
    };
    const pipeline = pipelineWith(asynchronousOnly);
    const core = recordingNext();
    const answers = ['a', 'b'].map((id) => pipeline.around(core)(software(id)));
    expect(core).not.toHaveBeenCalled();
    await Promise.all(answers);
    expect(core).toHaveBeenCalledTimes(2);
    pipeline.close();
  });
});
