/**
 * Shared coalescing across two "replicas" (two pipelines, one real Redis for the leases, one shared cache
 * store whose writes or reads the test holds back): the holder ends its lease only once its result is in
 * the shared cache, so a replica arriving between the answer and the cache write waits instead of
 * calling; and a replica that takes a free lease reads the cache again before calling.
 */
import type { Redis } from 'ioredis';

import { composePipeline, type UpstreamCall } from '../../../src/upstream/upstreamCall';
import type { CacheEntry, CacheStore } from '../../../src/upstream/pipeline/state/cacheStore';
import { MemoryCacheStore } from '../../../src/upstream/pipeline/state/memoryCacheStore';
import { RedisInflightLeases } from '../../../src/upstream/pipeline/state/redis/redisInflightLeases';
import { useCache } from '../../../src/upstream/pipeline/useCache';
import { useCoalescing } from '../../../src/upstream/pipeline/useCoalescing';
import { RedisServer } from '../../support/redisServer';
import { connectTo, sleep } from './state/redis/helpers';
import { makeCall, okResult, recordingNext } from './helpers';

jest.setTimeout(20_000);

const TTLS = { immutableTtlMs: 60_000, listFreshMs: 30_000, listStaleMs: 60_000, maxStaleMs: 60_000 };
const LEASE_MS = 10_000;

/** A shared store whose `set` waits until the test opens the gate (a slow Redis write). */
class SlowCacheStore implements CacheStore {
  private readonly inner = new MemoryCacheStore({ maxEntries: 100, maxBytes: 1_000_000 });
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  writesStarted = 0;

  release(): void {
    this.open();
  }
  get(key: string): Promise<CacheEntry | undefined> {
    return this.inner.get(key);
  }
  async set(key: string, entry: CacheEntry, ttlMs: number): Promise<void> {
    this.writesStarted += 1;
    await this.gate;
    await this.inner.set(key, entry, ttlMs);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  invalidateTags(tags: readonly string[]): Promise<number> {
    return this.inner.invalidateTags(tags);
  }
}

describe('shared coalescing publishes only after the shared-cache write', () => {
  let server: RedisServer;
  const connections: Redis[] = [];
  const leases: RedisInflightLeases[] = [];

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(leases.map((instance) => instance.close()));
    connections.forEach((redis) => redis.disconnect());
    await server?.stop();
  });

  /** One replica's in-flight leases: its own two connections, the shared key prefix. */
  const leasesFor = async (keyPrefix: string): Promise<RedisInflightLeases> => {
    const instance = new RedisInflightLeases({
      redis: await connectTo(server, connections),
      subscriber: await connectTo(server, connections),
      keyPrefix,
      recheckMs: 10_000, // only the holder's announcement can wake a waiter within the test
    });
    leases.push(instance);
    return instance;
  };

  /** One replica's cache + coalescing over its own upstream, sharing `store` and the Redis leases. */
  const replica = async (store: CacheStore, keyPrefix: string) => {
    const instance = await leasesFor(keyPrefix);
    const upstream = recordingNext(async (call: UpstreamCall) =>
      okResult({ from: call.headers['x-replica'] }),
    );
    const handler = composePipeline(
      [
        useCache({ ...TTLS, store }),
        useCoalescing({ acrossReplicas: { leases: instance, leaseMs: LEASE_MS } }),
      ],
      upstream,
    );
    return { handler, upstream };
  };

  it('makes a replica arriving between the answer and the cache write wait, and call nothing', async () => {
    const store = new SlowCacheStore();
    const a = await replica(store, 'order-1:');
    const b = await replica(store, 'order-1:');
    const listCall = (name: string) => makeCall({ cachePolicy: 'list', headers: { 'x-replica': name } });

    // A is answered by its upstream; its cache (which returns once the write is done) is writing.
    const fromA = a.handler(listCall('a'));
    while (store.writesStarted === 0) await sleep(10);
    expect(a.upstream).toHaveBeenCalledTimes(1);
    await sleep(200); // a slow write: longer than any fixed delay a holder could guess

    let settled = false;
    const fromB = b.handler(listCall('b')).finally(() => (settled = true));
    await sleep(300); // B missed the cache and found A's lease: it waits
    expect(settled).toBe(false);
    expect(b.upstream).not.toHaveBeenCalled();

    store.release(); // A's write lands, then A publishes and B gets A's result
    expect((await fromB).body).toEqual({ from: 'a' });
    expect((await fromA).body).toEqual({ from: 'a' });
    expect(b.upstream).not.toHaveBeenCalled();
    expect(a.upstream).toHaveBeenCalledTimes(1);
  });

  it('reads the cache again after taking the lease: a miss just before the holder wrote costs no call', async () => {
    const shared = new MemoryCacheStore({ maxEntries: 10, maxBytes: 100_000 });
    let releaseRead!: () => void;
    const readHeld = new Promise<void>((resolve) => (releaseRead = resolve));
    let firstRead = true;
    // B's first read sees the store as it was when asked, but answers late (a slow round trip).
    const lateFirstRead: CacheStore = {
      get: async (key) => {
        if (!firstRead) return shared.get(key);
        firstRead = false;
        const seen = await shared.get(key);
        await readHeld;
        return seen;
      },
      set: (key, entry, ttlMs) => shared.set(key, entry, ttlMs),
      delete: (key) => shared.delete(key),
      invalidateTags: (tags) => shared.invalidateTags(tags),
    };
    const a = await replica(shared, 'order-3:');
    const b = await replica(lateFirstRead, 'order-3:');
    const call = (name: string) => makeCall({ cachePolicy: 'list', headers: { 'x-replica': name } });

    const fromB = b.handler(call('b')); // misses: the store is empty when B asks
    await sleep(50);
    expect((await a.handler(call('a'))).body).toEqual({ from: 'a' }); // A calls, writes, ends its lease
    releaseRead(); // B's miss arrives now, after A's write and publish; B takes the free lease
    expect((await fromB).body).toEqual({ from: 'a' });
    expect(b.upstream).not.toHaveBeenCalled();
    expect(a.upstream).toHaveBeenCalledTimes(1);
  });

  it("keeps the holder's call going for the replicas waiting on it when the holder's own client leaves", async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let cancelled = false;
    // Like the HTTP core: an aborted signal cancels the request.
    const slowUpstream = (call: UpstreamCall) =>
      new Promise<ReturnType<typeof okResult>>((resolve, reject) => {
        call.options.signal?.addEventListener('abort', () => {
          cancelled = true;
          reject(new Error('cancelled'));
        });
        void answered.then(() => resolve(okResult('holder')));
      });
    const holder = composePipeline(
      [useCoalescing({ acrossReplicas: { leases: await leasesFor('order-4:'), leaseMs: LEASE_MS } })],
      slowUpstream,
    );
    const waiter = await replica(new MemoryCacheStore({ maxEntries: 10, maxBytes: 100_000 }), 'order-4:');
    const client = new AbortController();
    const first = holder(makeCall({ cachePolicy: 'list', options: { signal: client.signal } }));
    await sleep(100); // the holder has its lease
    const second = waiter.handler(makeCall({ cachePolicy: 'list' }));
    await sleep(100); // the waiter found it
    client.abort(new Error('client went away'));
    await expect(first).rejects.toThrow('client went away');
    answer();
    expect((await second).body).toBe('holder');
    expect(cancelled).toBe(false);
    expect(waiter.upstream).not.toHaveBeenCalled();
  });

  it('publishes as soon as the call is answered without a cache above (coalescing alone)', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const holder = composePipeline(
      [useCoalescing({ acrossReplicas: { leases: await leasesFor('order-2:'), leaseMs: LEASE_MS } })],
      async () => {
        await answered;
        return okResult('holder');
      },
    );
    const waiter = await replica(new MemoryCacheStore({ maxEntries: 10, maxBytes: 100_000 }), 'order-2:');
    const call = makeCall({ cachePolicy: 'list' });
    const first = holder(call);
    await sleep(100); // the holder has its lease
    const second = waiter.handler(call);
    await sleep(100); // the waiter found it
    answer();
    expect((await first).body).toBe('holder');
    expect((await second).body).toBe('holder');
    expect(waiter.upstream).not.toHaveBeenCalled();
  });
});
