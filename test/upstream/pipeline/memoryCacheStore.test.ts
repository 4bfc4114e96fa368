import type { CacheEntry } from '../../../src/upstream/pipeline/state/cacheStore';
import { entryBytes, MemoryCacheStore } from '../../../src/upstream/pipeline/state/memoryCacheStore';
import { okResult } from './helpers';

function entry(body: unknown, tags: string[] = []): CacheEntry {
  return { result: okResult(body), storedAt: 0, freshUntil: 1_000, staleUntil: 2_000, tags };
}

const HOUR = 3_600_000;

describe('MemoryCacheStore', () => {
  it('keeps at most maxEntries, evicting the least recently used', async () => {
    const store = new MemoryCacheStore({ maxEntries: 2, maxBytes: 1_000_000 });
    await store.set('a', entry('a'), HOUR);
    await store.set('b', entry('b'), HOUR);
    await store.get('a'); // a is now more recent than b
    await store.set('c', entry('c'), HOUR);

    expect(await store.get('a')).toBeDefined();
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('c')).toBeDefined();
    expect(store.size).toBe(2);
  });

  it('weighs an entry by the upstream body it came from, else by its JSON, plus key and overhead', () => {
    const fromUpstream: CacheEntry = {
      ...entry('ignored'),
      result: { ...okResult('ignored'), bodyBytes: 10_000 },
    };
    expect(entryBytes('key', fromUpstream)).toBe(3 + 256 + 10_000);
    expect(entryBytes('key', entry({ a: 'é' }))).toBe(3 + 256 + Buffer.byteLength('{"a":"é"}'));
  });

  it('keeps at most maxBytes, and refuses an entry larger than that', async () => {
    const oneEntryBytes = entryBytes('k0', entry('x'.repeat(500)));
    const store = new MemoryCacheStore({ maxEntries: 100, maxBytes: oneEntryBytes * 3 });
    for (let i = 0; i < 4; i += 1) await store.set(`k${i}`, entry('x'.repeat(500)), HOUR);

    expect(store.size).toBe(3);
    expect(store.bytes).toBeLessThanOrEqual(oneEntryBytes * 3);
    expect(await store.get('k0')).toBeUndefined();
    expect(await store.get('k3')).toBeDefined();

    await store.set('huge', entry('x'.repeat(oneEntryBytes * 3), ['refused']), HOUR);
    expect(await store.get('huge')).toBeUndefined();
    expect(store.size).toBe(3);
    // The refused entry's tag must not point at whatever is stored under that key later.
    await store.set('huge', entry('small', ['kept']), HOUR);
    expect(await store.invalidateTags(['refused'])).toBe(0);
    expect(await store.get('huge')).toBeDefined();
  });

  it('deletes by tag only the entries carrying it', async () => {
    const store = new MemoryCacheStore({ maxEntries: 10, maxBytes: 1_000_000 });
    await store.set('image-1', entry(1, ['hss.image:1', 'hss.registryImages']), HOUR);
    await store.set('image-2', entry(2, ['hss.image:2']), HOUR);
    await store.set('untagged', entry(3), HOUR);

    expect(await store.invalidateTags(['hss.image:1'])).toBe(1);
    expect(await store.get('image-1')).toBeUndefined();
    expect(await store.get('image-2')).toBeDefined();
    expect(await store.get('untagged')).toBeDefined();
  });

  it('forgets the tags of evicted and overwritten entries', async () => {
    const store = new MemoryCacheStore({ maxEntries: 1, maxBytes: 1_000_000 });
    await store.set('a', entry('a', ['t1']), HOUR);
    await store.set('a', entry('a2', ['t2']), HOUR); // overwrite drops t1
    expect(await store.invalidateTags(['t1'])).toBe(0);
    expect(await store.get('a')).toBeDefined();

    await store.set('b', entry('b', ['t3']), HOUR); // evicts a
    expect(await store.invalidateTags(['t2'])).toBe(0);
    expect(await store.invalidateTags(['t3'])).toBe(1);
  });
});
