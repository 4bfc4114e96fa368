/** One keep-alive undici `Pool` per origin, shared by every service on that origin (IAM included). */
import { Pool } from 'undici';
import { SpareConnections } from './spareConnections';

export interface PoolOptions {
  /** Concurrent connections per origin. */
  connections: number;
  connectTimeoutMs: number;
  /** Response size cap enforced by undici itself (the reader enforces it too). */
  maxResponseBytes: number;
  /** How long a connection opened by `preopen` waits for its first request (default: not used). */
  spareMaxIdleMs?: number;
}

/** IAM tokens travel in headers and reach ~32 KB (docs/huawei-cloud-apis.md §1.2); undici's default limit is 16 KiB. */
const MAX_HEADER_BYTES = 64 * 1024;

export class OriginPools {
  private readonly pools = new Map<string, Pool>();
  private readonly spares: SpareConnections | undefined;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.spares =
      options.spareMaxIdleMs === undefined
        ? undefined
        : new SpareConnections({
            connectTimeoutMs: options.connectTimeoutMs,
            maxIdleMs: options.spareMaxIdleMs,
          });
  }

  get(origin: string): Pool {
    if (this.closed) throw new Error('The upstream connection pools are closed');
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        connectTimeout: this.options.connectTimeoutMs,
        maxResponseSize: this.options.maxResponseBytes,
        maxHeaderSize: MAX_HEADER_BYTES,
        ...(this.spares && { connect: this.spares.connectorFor(origin) }),
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /**
   * Opens up to `count` connections to each origin before any request needs them (no request is sent); the
   * pools take them first. Resolves with how many opened per origin; a failure only leaves fewer.
   */
  async preopen(origins: readonly string[], count: number): Promise<Map<string, number>> {
    const opened = new Map<string, number>();
    if (!this.spares || this.closed) return opened;
    const spares = this.spares;
    const wanted = Math.min(count, this.options.connections);
    await Promise.all(
      [...new Set(origins)].map(async (origin) => opened.set(origin, await spares.open(origin, wanted))),
    );
    return opened;
  }

  /** Lets in-flight requests finish, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.spares?.close();
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
