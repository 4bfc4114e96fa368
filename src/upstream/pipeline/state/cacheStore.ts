/**
 * Where `useCache` keeps upstream results. Async throughout so a shared store (Redis) can replace the
 * in-memory default when the gateway runs as several replicas: one quota, spent once.
 */
import type { UpstreamResult } from '../../upstreamCall';

export interface CacheEntry {
  /** A 2xx result, exactly as the pipeline resolved it. Treated as immutable by every reader. */
  result: UpstreamResult;
  /** Epoch ms when the result was stored. */
  storedAt: number;
  /** Until then the entry is served as a hit. */
  freshUntil: number;
  /** Until then (after `freshUntil`) the entry is served stale while one refresh runs; then it is gone. */
  staleUntil: number;
  /** The call's `cacheTags`, for `invalidateTags`. */
  tags: readonly string[];
}

export interface CacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  /** The same, synchronously, for a store held in this process (see `sameTurn.ts`). */
  getNow?(key: string): CacheEntry | undefined;
  /** Stores `entry`; the store may drop it after `ttlMs` (or earlier, when it evicts to stay bounded). */
  set(key: string, entry: CacheEntry, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes every entry carrying any of `tags`; resolves with how many were deleted. */
  invalidateTags(tags: readonly string[]): Promise<number>;
}
