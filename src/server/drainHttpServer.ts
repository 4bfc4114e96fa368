import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

export interface HttpDrainOptions {
  /** Overall deadline of the drain: whatever is still open then is destroyed. */
  graceMs: number;
  /** During the drain, a connection that has carried nothing for this long is closed. At most `graceMs`. */
  idleGraceMs: number;
  /** Called when the overall deadline passes with requests still open (they are cut then). */
  onGraceExpired?: (openRequests: number) => void;
}

export interface HttpDrain {
  /**
   * Stops accepting connections at once and resolves when every connection has closed: requests in
   * flight finish, and the ones still arriving on open connections are served. Idempotent.
   */
  drain(): Promise<void>;
}

interface Connection {
  socket: Socket;
  /** Responses not yet finished on this connection (more than one only with pipelining). */
  open: Set<ServerResponse>;
  idleTimer?: NodeJS.Timeout;
  /** `socket.bytesRead` when the idle timer was armed: more since means a request has begun arriving. */
  bytesReadWhenIdle: number;
}

/**
 * Graceful HTTP/1.1 shutdown without the keep-alive race. Apollo's drain plugin (and stoppable, terminus,
 * http-terminator, and Node's own `server.close()` since Node 19) end every idle keep-alive connection
 * the moment the drain starts; a client that has just sent a request on one then loses it, answered by
 * nothing. Here, once the drain starts:
 * - the listener closes, so new connections are refused;
 * - every response not yet started, in flight or arriving later, carries `Connection: close`, so the
 *   client drops that connection after the answer (Node then closes it);
 * - a connection closes once it has carried nothing for `idleGraceMs`, long enough for a request a client
 *   had already sent on it to arrive and be served;
 * - after `graceMs` everything still open is destroyed.
 *
 * Must be attached before any other 'request' listener, so that `Connection: close` is set before a
 * handler writes its head.
 */
export function trackHttpDrain(server: Server, options: HttpDrainOptions): HttpDrain {
  if (options.idleGraceMs > options.graceMs) {
    throw new RangeError(`idleGraceMs (${options.idleGraceMs}) must not exceed graceMs (${options.graceMs})`);
  }
  const connections = new Map<Socket, Connection>();
  let draining: Promise<void> | undefined;

  const closeWhenIdle = (connection: Connection) => {
    clearTimeout(connection.idleTimer);
    connection.bytesReadWhenIdle = connection.socket.bytesRead;
    connection.idleTimer = setTimeout(() => {
      if (connection.open.size > 0) return;
      // Part of a request has arrived but not yet all of its head: give it the same grace again.
      if (connection.socket.bytesRead !== connection.bytesReadWhenIdle) return closeWhenIdle(connection);
      connection.socket.destroy();
    }, options.idleGraceMs);
    connection.idleTimer.unref();
  };

  server.on('connection', (socket: Socket) => {
    const connection: Connection = { socket, open: new Set(), bytesReadWhenIdle: 0 };
    connections.set(socket, connection);
    socket.once('close', () => {
      clearTimeout(connection.idleTimer);
      connections.delete(socket);
    });
    if (draining) closeWhenIdle(connection);
  });

  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const connection = connections.get(request.socket as Socket);
    if (!connection) return;
    clearTimeout(connection.idleTimer);
    connection.open.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.once('close', () => {
      connection.open.delete(response);
      // A response whose head went out before the drain kept the connection alive: it is idle now.
      if (draining && connection.open.size === 0 && !connection.socket.destroyed) closeWhenIdle(connection);
    });
  });

  return {
    drain() {
      draining ??= new Promise<void>((resolve, reject) => {
        const forceClose = setTimeout(() => {
          let openRequests = 0;
          for (const connection of connections.values()) openRequests += connection.open.size;
          if (openRequests > 0) options.onGraceExpired?.(openRequests);
          for (const connection of connections.values()) connection.socket.destroy();
        }, options.graceMs);
        forceClose.unref();
        // net.Server's close, not http.Server's: since Node 19 the latter also destroys every idle
        // keep-alive connection at once, which is the race this module exists to avoid. The callback runs
        // once the listener is closed and the last connection has gone.
        NetServer.prototype.close.call(server, (error?: Error) => {
          clearTimeout(forceClose);
          // Now that no connection is left, http.Server's close has nothing to destroy; it stops the
          // server's request-timeout check, an interval that would otherwise keep the server, its request
          // listeners and all they reference (the pipeline and its caches) alive for the process's life.
          server.close();
          if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
          else resolve();
        });
        for (const connection of connections.values()) {
          for (const response of connection.open) {
            if (!response.headersSent) response.setHeader('connection', 'close');
          }
          if (connection.open.size === 0) closeWhenIdle(connection);
        }
      });
      return draining;
    },
  };
}
