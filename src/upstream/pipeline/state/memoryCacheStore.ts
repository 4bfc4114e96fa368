/**
 * The default, in-process `CacheStore`: an LRU bounded both by entry count and by bytes, so a few huge
 * list pages cannot push the process out of memory and many tiny entries cannot grow the key space
 * without limit. An entry's size is its key plus the bytes of the upstream body it came from (serialising
 * a 200-row page again only to weigh it cost more than the lookup it saves), or, for results without one,
 * the UTF-8 length of its JSON; an entry larger than `maxBytes` is not stored at all.
 */
import { LRUCache } from 'lru-cache';

import type { CacheEntry, CacheStore } from './cacheStore';

/** Times, tags, status and headers of an entry, roughly. */
const ENTRY_OVERHEAD_BYTES = 256;

/** What an entry counts against `maxBytes`. */
export function entryBytes(key: string, entry: CacheEntry): number {
  const body = entry.result.bodyBytes ?? Buffer.byteLength(JSON.stringify(entry.result.body) ?? '');
  return Buffer.byteLength(key) + ENTRY_OVERHEAD_BYTES + body;
}

export interface MemoryCacheStoreOptions {
  maxEntries: number;
  maxBytes: number;
}

export class MemoryCacheStore implements CacheStore {
  private readonly lru: LRUCache<string, CacheEntry>;
  /** tag → keys of live entries carrying it; kept in step with the LRU through `dispose`. */
  private readonly keysByTag = new Map<string, Set<string>>();

  constructor(options: MemoryCacheStoreOptions) {
    this.lru = new LRUCache<string, CacheEntry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      // Called for every removal: eviction, expiry, overwrite, delete.
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /** Live entries (expired ones are dropped when touched or evicted). */
  get size(): number {
    return this.lru.size;
  }

  /** Sum of the stored entries' sizes in bytes. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    return this.getNow(key);
  }

  getNow(key: string): CacheEntry | undefined {
    return this.lru.get(key);
  }

  async set(key: string, entry: CacheEntry, ttlMs: number): Promise<void> {
    const size = entryBytes(key, entry);
    this.lru.set(key, entry, { ttl: Math.max(1, Math.ceil(ttlMs)), size });
    // An entry above maxBytes is refused by the LRU (and any previous value deleted): index only what is kept.
    if (this.lru.peek(key) !== entry) return;
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async delete(key: string): Promise<void> {
    this.lru.delete(key);
  }

  async invalidateTags(tags: readonly string[]): Promise<number> {
    const keys = new Set<string>();
    for (const tag of tags) for (const key of this.keysByTag.get(tag) ?? []) keys.add(key);
    let deleted = 0;
    for (const key of keys) if (this.lru.delete(key)) deleted += 1;
    return deleted;
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.keysByTag.delete(tag);
    }
  }
}
