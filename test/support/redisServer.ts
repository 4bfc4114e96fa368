/**
 * A throwaway Redis for tests: Debian's `redis-server` on a free local port, no persistence, owned by
 * the test (never a system service). It can be killed and restarted on the same port, so failure tests
 * can take Redis away mid-way and bring it back. A missing `redis-server` fails the test with a clear
 * message: the shared-state tests must run against a real server, never be skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

const READY_TIMEOUT_MS = 10_000;
const INSTALL_HINT =
  'redis-server was not found on PATH. The shared-state tests need a real Redis: ' +
  'install it with `apt-get update && apt-get install -y redis-server` (CI does this in .ci/run).';

export interface RedisServerOptions {
  /** `requirepass`: clients must authenticate (the URL then carries the password). */
  password?: string;
}

export class RedisServer {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly options: RedisServerOptions,
  ) {}

  /** Starts a server on a free port and resolves once it answers PING. */
  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    assertRedisServerInstalled();
    const server = new RedisServer(await freePort(), options);
    await server.restart();
    return server;
  }

  /** With the password when there is one, as an operator would write REDIS_URL. */
  get url(): string {
    const auth = this.options.password === undefined ? '' : `:${encodeURIComponent(this.options.password)}@`;
    return `redis://${auth}127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** The server's process id while it runs (the benchmark reads its CPU time). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server again on the same port (after `kill` or `stop`). */
  async restart(): Promise<void> {
    if (this.child) throw new Error('redis-server is already running');
    this.output = '';
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--protected-mode',
        'no',
        '--loglevel',
        'warning',
        ...(this.options.password === undefined ? [] : ['--requirepass', this.options.password]),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const collect = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    try {
      await this.waitUntilAnswering(child);
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** SIGKILL, as a crash or a network cut would look to the clients; resolves when the process is gone. */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  /** SIGSTOP: the server keeps its connections but answers nothing, like an overloaded or partitioned Redis. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT after `freeze`. */
  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  /** Graceful stop (no snapshot: persistence is off). */
  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGCONT'); // a frozen server could not act on SIGTERM
    child.kill(signal);
    await exited;
    this.child = undefined;
  }

  private async waitUntilAnswering(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`redis-server exited at start (port ${this.port}): ${this.output.trim()}`);
      }
      if (await answersPing(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`redis-server did not answer PING on port ${this.port} within ${READY_TIMEOUT_MS} ms`);
  }
}

function assertRedisServerInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error) throw new Error(INSTALL_HINT);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One inline PING over a raw socket: true when the server replies +PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      // Up and answering: +PONG, or -NOAUTH when a password is required.
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
    });
  });
}
