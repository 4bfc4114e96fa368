/**
 * Connections opened before the first request, handed to undici when one of its pools needs a connection.
 *
 * undici connects only once a request is queued (nodejs/undici#317), so a fresh process pays a TCP and TLS
 * handshake on every connection its first page needs, at every level of the page's call chain. Opening
 * them at start sends no HTTP request, so it costs no API quota. A spare that waits longer than
 * `maxIdleMs` (servers give up on a connection that carries no request after tens of seconds), or that
 * the server closes or writes to while it waits, is thrown away rather than handed to a pool.
 */
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';

export interface SpareConnectionsOptions {
  connectTimeoutMs: number;
  /** How long an opened connection waits for its first request before it is closed. */
  maxIdleMs: number;
}

interface Spare {
  socket: Socket;
  /** Stops watching the socket and removes it from the waiting list. */
  release: () => void;
  /** Releases and closes it. */
  discard: () => void;
}

export class SpareConnections {
  private readonly spares = new Map<string, Spare[]>();
  private readonly connectors = new Map<string, buildConnector.connector>();
  private closed = false;

  constructor(private readonly options: SpareConnectionsOptions) {
    if (!Number.isInteger(options.maxIdleMs) || options.maxIdleMs <= 0) {
      throw new RangeError('maxIdleMs must be a positive integer');
    }
  }

  /** The connector a pool for `origin` connects through: a waiting spare if there is one, else a new connection. */
  connectorFor(origin: string): buildConnector.connector {
    const connect = this.connectorOf(origin);
    return (params, callback) => {
      const socket = this.take(origin);
      if (!socket) return connect(params, callback);
      // undici expects the callback after `connect()` returns, as a real connection's would be.
      process.nextTick(callback, null, socket);
    };
  }

  /** Opens `count` connections to `origin` and keeps them for the pool; resolves with how many opened. */
  async open(origin: string, count: number): Promise<number> {
    const url = new URL(origin);
    const params = {
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      host: url.host,
      port: url.port,
    };
    const connect = this.connectorOf(origin);
    const opened = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<boolean>((resolve) => {
            connect(params, (error, socket) => {
              if (error || !socket) return resolve(false);
              resolve(this.keep(origin, socket as Socket));
            });
          }),
      ),
    );
    return opened.filter(Boolean).length;
  }

  /** Closes every spare not yet taken; later connections are all new. */
  close(): void {
    this.closed = true;
    for (const list of this.spares.values()) for (const spare of [...list]) spare.discard();
    this.spares.clear();
  }

  private connectorOf(origin: string): buildConnector.connector {
    let connect = this.connectors.get(origin);
    if (!connect) {
      // One connector per origin, shared by spares and new connections, so TLS sessions are resumed across both.
      connect = buildConnector({ timeout: this.options.connectTimeoutMs });
      this.connectors.set(origin, connect);
    }
    return connect;
  }

  private keep(origin: string, socket: Socket): boolean {
    if (this.closed || socket.destroyed) {
      socket.destroy();
      return false;
    }
    const list = this.spares.get(origin) ?? [];
    this.spares.set(origin, list);
    const release = () => {
      clearTimeout(timer);
      socket.off('readable', discard).off('close', discard).off('error', discard);
      const index = list.indexOf(spare);
      if (index >= 0) list.splice(index, 1);
    };
    const discard = () => {
      release();
      socket.destroy();
    };
    const timer = setTimeout(discard, this.options.maxIdleMs).unref();
    const spare: Spare = { socket, release, discard };
    // Anything the server sends before a request (a 408, an end of stream) means it is done with the connection.
    socket.on('readable', discard).on('close', discard).on('error', discard);
    list.push(spare);
    return true;
  }

  private take(origin: string): Socket | undefined {
    const list = this.spares.get(origin);
    while (list && list.length > 0) {
      const spare = list.shift()!;
      spare.release();
      if (!spare.socket.destroyed && spare.socket.readyState === 'open') return spare.socket;
      spare.socket.destroy();
    }
    return undefined;
  }
}
