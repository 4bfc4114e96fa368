/** One keep-alive undici `Pool` per origin, shared by every service on that origin (IAM included). */
import { Pool } from 'undici';

export interface PoolOptions {
  /** Concurrent connections per origin. */
  connections: number;
  connectTimeoutMs: number;
  /** Response size cap enforced by undici itself (the reader enforces it too). */
  maxResponseBytes: number;
}

/** IAM tokens travel in headers and reach ~32 KB (docs/huawei-cloud-apis.md §1.2); undici's default limit is 16 KiB. */
const MAX_HEADER_BYTES = 64 * 1024;

export class OriginPools {
  private readonly pools = new Map<string, Pool>();
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  get(origin: string): Pool {
    if (this.closed) throw new Error('The upstream connection pools are closed');
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        connectTimeout: this.options.connectTimeoutMs,
        maxResponseSize: this.options.maxResponseBytes,
        maxHeaderSize: MAX_HEADER_BYTES,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** Lets in-flight requests finish, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

/** Splits a configured base URL (`https://host[:port][/prefix]`) into its origin and a path prefix without a trailing slash. */
export function parseBaseUrl(base: string): { origin: string; pathPrefix: string } {
  const url = new URL(base);
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
}
