/**
 * A network path to the simulator for the benchmark: what a server under test crosses to reach an upstream
 * that is not on loopback. Client → delay proxy (every chunk held RTT/2 in each direction, order kept) →
 * TLS terminator (a certificate for localhost and 127.0.0.1, generated at start and trusted by the
 * server under test through NODE_EXTRA_CA_CERTS) → the plain-HTTP target. On loopback a new connection
 * costs nothing; here its TLS handshake costs round trips, as it does against a real cloud endpoint. The
 * TCP handshake's own round trip is not reproduced: the kernel accepts on loopback before the proxy sees
 * the connection.
 *
 * The private key stays in this process's memory; only the certificate is written, to a temporary
 * directory removed on close.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { generate } from 'selfsigned';

export const DEFAULT_NETWORK_ROUND_TRIP_MS = 10;
/** Above this a "round trip" is a typo, not a network (and every run would take minutes). */
const MAX_ROUND_TRIP_MS = 1000;

/** `--network-rtt <ms>`: a round trip in milliseconds, 0 ≤ ms ≤ 1000; throws a message naming the option. */
export function parseRoundTripMs(text: string | undefined, option = '--network-rtt'): number {
  const ms = text !== undefined && /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(ms) || ms > MAX_ROUND_TRIP_MS) {
    throw new Error(
      `${option} takes a round trip in milliseconds from 0 to ${MAX_ROUND_TRIP_MS} (e.g. ${option} 10); got ${text === undefined ? 'nothing' : JSON.stringify(text)}`,
    );
  }
  return ms;
}

export class NetworkPath {
  private constructor(
    /** `https://localhost:<port>`: the endpoint the server under test is given. */
    readonly url: string,
    /** The certificate's PEM file, for NODE_EXTRA_CA_CERTS. */
    readonly certificateFile: string,
    /** The certificate itself, for clients in this process (`ca`). */
    readonly certificate: string,
    readonly roundTripMs: number,
    private readonly proxy: Server,
    private readonly terminator: TlsServer,
    private readonly sockets: Set<Socket>,
    private readonly directory: string,
    private readonly counter: { accepted: number },
  ) {}

  /** Connections the delay proxy has accepted since start: new upstream connections of its clients. */
  get acceptedConnections(): number {
    return this.counter.accepted;
  }

  static async start(options: { targetPort: number; roundTripMs: number }): Promise<NetworkPath> {
    const roundTripMs = parseRoundTripMs(String(options.roundTripMs), 'roundTripMs');
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 60_000),
      notAfterDate: new Date(Date.now() + 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    const sockets = new Set<Socket>();
    const track = (socket: Socket): Socket => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      return socket;
    };
    const terminator = createTlsServer({ key: pems.private, cert: pems.cert }, (secure) => {
      track(secure);
      const target = track(connect(options.targetPort, '127.0.0.1'));
      secure.pipe(target).pipe(secure);
      secure.on('error', () => target.destroy());
      target.on('error', () => secure.destroy());
    });
    // A failed handshake (e.g. a client that does not trust the certificate) only ends that connection.
    terminator.on('tlsClientError', () => undefined);
    await listen(terminator);
    const terminatorPort = (terminator.address() as AddressInfo).port;
    const counter = { accepted: 0 };
    const proxy = createServer((client) => {
      counter.accepted += 1;
      track(client);
      const upstream = track(connect(terminatorPort, '127.0.0.1'));
      delayedPipe(client, upstream, roundTripMs / 2);
      delayedPipe(upstream, client, roundTripMs / 2);
    });
    await listen(proxy);
    const directory = mkdtempSync(join(tmpdir(), 'bench-network-path-'));
    const certificateFile = join(directory, 'localhost.pem');
    writeFileSync(certificateFile, pems.cert);
    const port = (proxy.address() as AddressInfo).port;
    return new NetworkPath(
      `https://localhost:${port}`,
      certificateFile,
      pems.cert,
      roundTripMs,
      proxy,
      terminator,
      sockets,
      directory,
      counter,
    );
  }

  /** The environment that makes a server under test reach every upstream service through this path. */
  serverEnv(): NodeJS.ProcessEnv {
    return {
      HWC_IAM_ENDPOINT: this.url,
      HWC_HSS_ENDPOINT: this.url,
      HWC_SWR_ENDPOINT: this.url,
      HWC_WORKSPACE_ENDPOINT: this.url,
      NODE_EXTRA_CA_CERTS: this.certificateFile,
    };
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([closeServer(this.proxy), closeServer(this.terminator)]);
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/**
 * `from` → `to`, each chunk (and the end) passed on `delayMs` after it arrived, strictly in arrival order:
 * one queue and one timer per direction, so timer granularity can never reorder bytes.
 */
function delayedPipe(from: Socket, to: Socket, delayMs: number): void {
  const queue: { dueMs: number; chunk: Buffer | null }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && (queue[0] as { dueMs: number }).dueMs <= now) {
      const { chunk } = queue.shift() as { chunk: Buffer | null };
      if (to.destroyed) return;
      if (chunk === null) to.end();
      else to.write(chunk);
    }
    schedule();
  };
  const schedule = (): void => {
    const head = queue[0];
    if (timer === null && head) timer = setTimeout(flush, Math.max(0, head.dueMs - performance.now()));
  };
  const enqueue = (chunk: Buffer | null): void => {
    if (to.destroyed) return;
    queue.push({ dueMs: performance.now() + delayMs, chunk });
    schedule();
  };
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    enqueue(null);
  };
  from.on('data', (chunk: Buffer) => enqueue(chunk));
  from.on('end', end);
  from.on('close', end);
  // A reset is not delayed: the connection is gone either way.
  from.on('error', () => to.destroy());
  // Nothing more can be delivered; the other direction still passes on what it holds, then ends `from`.
  to.on('close', () => {
    if (timer !== null) clearTimeout(timer);
    queue.length = 0;
  });
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
