import type { Redis } from 'ioredis';

import type { CacheEntry } from '../../../../../src/upstream/pipeline/state/cacheStore';
import { RedisCacheStore } from '../../../../../src/upstream/pipeline/state/redis/redisCacheStore';
import { RedisServer } from '../../../../support/redisServer';
import { connectTo, sleep } from './helpers';

function entryOf(body: unknown, tags: string[], ttlMs = 60_000): CacheEntry {
  const storedAt = Date.now();
  return {
    result: { status: 200, headers: { 'content-type': 'application/json' }, body, requestId: 'req-1' },
    storedAt,
    freshUntil: storedAt + ttlMs / 2,
    staleUntil: storedAt + ttlMs,
    tags,
  };
}

describe('RedisCacheStore (a real redis-server, two replicas)', () => {
  let server: RedisServer;
  const connections: Redis[] = [];
  let prefixCounter = 0;
  let prefix = '';
  let admin: Redis;

  /** Two stores on their own connections sharing one fresh prefix: two replicas of one deployment. */
  const twoReplicas = async (maxValueBytes = 64 * 1024): Promise<[RedisCacheStore, RedisCacheStore]> => {
    prefix = `cache-test-${(prefixCounter += 1)}:`;
    const make = async () =>
      new RedisCacheStore({ redis: await connectTo(server, connections), keyPrefix: prefix, maxValueBytes });
    return [await make(), await make()];
  };

  beforeAll(async () => {
    server = await RedisServer.start();
    admin = await connectTo(server, connections);
  });
  afterAll(async () => {
    connections.forEach((redis) => redis.disconnect());
    await server?.stop();
  });

  it("serves one replica's writes to the other, policy fields included", async () => {
    const [replicaA, replicaB] = await twoReplicas();
    const entry = entryOf({ data_list: [{ image_id: 'a', size: 12 }], total_num: 1 }, ['hss.image:a']);
    await replicaA.set('GET /v5/p/image/registries/images?limit=10', entry, 60_000);
    expect(await replicaB.get('GET /v5/p/image/registries/images?limit=10')).toEqual(entry);
    expect(await replicaB.get('GET /other')).toBeUndefined();

    await replicaB.delete('GET /v5/p/image/registries/images?limit=10');
    expect(await replicaA.get('GET /v5/p/image/registries/images?limit=10')).toBeUndefined();
  });

  it('invalidates tags for every replica and counts each deleted entry once', async () => {
    const [replicaA, replicaB] = await twoReplicas();
    await replicaA.set('stats:a', entryOf({ n: 1 }, ['hss.image:a']), 60_000);
    await replicaA.set('apps:a', entryOf({ n: 2 }, ['hss.image:a', 'hss.registryImages']), 60_000);
    await replicaA.set('list', entryOf({ n: 3 }, ['hss.registryImages']), 60_000);
    await replicaA.set('stats:b', entryOf({ n: 4 }, ['hss.image:b']), 60_000);

    // A scan through replica B...
    expect(await replicaB.invalidateTags(['hss.image:a', 'hss.registryImages'])).toBe(3);
    // ...makes replica A miss (and fetch fresh); untouched entries stay.
    expect(await replicaA.get('stats:a')).toBeUndefined();
    expect(await replicaA.get('apps:a')).toBeUndefined();
    expect(await replicaA.get('list')).toBeUndefined();
    expect(await replicaA.get('stats:b')).toMatchObject({ result: { body: { n: 4 } } });
    expect(await replicaB.invalidateTags(['hss.image:a'])).toBe(0);
    expect(await replicaB.invalidateTags([])).toBe(0);
  });

  it('puts a TTL on every key, and entries vanish when it passes', async () => {
    const [replicaA, replicaB] = await twoReplicas();
    await replicaA.set('short', entryOf({ n: 1 }, ['t']), 1_000);
    expect(await replicaB.get('short')).toBeDefined();
    await replicaA.set('long', entryOf({ n: 2 }, ['t', 'u']), 60_000);
    const keys = await admin.keys(`${prefix}*`);
    expect(keys.sort()).toEqual(
      [`${prefix}cache:long`, `${prefix}cache:short`, `${prefix}cache-tag:t`, `${prefix}cache-tag:u`].sort(),
    );
    for (const key of keys) expect(await admin.pttl(key)).toBeGreaterThan(0);
    // A tag index lives as long as its longest-lived entry.
    expect(await admin.pttl(`${prefix}cache-tag:t`)).toBeGreaterThan(59_000);

    expect(await admin.pttl(`${prefix}cache:short`)).toBeLessThanOrEqual(1_000);
    await sleep(1_100);
    expect(await replicaB.get('short')).toBeUndefined();
    expect(await replicaB.get('long')).toBeDefined();
  });

  it('prunes expired entries from a tag index on the next write', async () => {
    const [replicaA] = await twoReplicas();
    for (const key of ['a', 'b', 'c']) await replicaA.set(key, entryOf({ key }, ['hot']), 500);
    expect(await admin.zcard(`${prefix}cache-tag:hot`)).toBe(3);
    await sleep(550);
    await replicaA.set('d', entryOf({ key: 'd' }, ['hot']), 60_000);
    expect(await admin.zrange(`${prefix}cache-tag:hot`, '0', '-1')).toEqual([`${prefix}cache:d`]);
  });

  it('refuses values above the size bound and drops the older value under that key', async () => {
    const [replicaA, replicaB] = await twoReplicas(2048);
    await replicaA.set('page', entryOf({ items: ['small'] }, ['t']), 60_000);
    expect(await replicaB.get('page')).toBeDefined();

    await replicaA.set('page', entryOf({ items: ['x'.repeat(4096)] }, ['t']), 60_000);
    expect(await replicaB.get('page')).toBeUndefined();
    expect(await admin.exists(`${prefix}cache:page`)).toBe(0);
  });

  it('treats an unreadable value as a miss and removes it', async () => {
    const [replicaA] = await twoReplicas();
    await admin.set(`${prefix}cache:broken`, '{"result":', 'PX', 60_000);
    await admin.set(`${prefix}cache:foreign`, '{"value":1}', 'PX', 60_000);
    expect(await replicaA.get('broken')).toBeUndefined();
    expect(await replicaA.get('foreign')).toBeUndefined();
    expect(await admin.exists(`${prefix}cache:broken`, `${prefix}cache:foreign`)).toBe(0);
  });
});
