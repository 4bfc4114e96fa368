/**
 * Child processes of the benchmark: spawn pinned to a core, wait until ready, read their own CPU time and
 * memory from /proc, and stop them (only the pids we started).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Managed {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Last lines of stdout+stderr, for diagnostics. */
  output(): string;
  /** Resolves with the first stdout/stderr line matching `pattern`, or rejects after `timeoutMs` or on exit. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  exited: Promise<number | null>;
}

let tasksetPath: string | null | undefined;

/** `taskset` when the machine has it (util-linux); null otherwise, and processes run unpinned. */
export function taskset(): string | null {
  if (tasksetPath !== undefined) return tasksetPath;
  tasksetPath = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path)) ?? null;
  return tasksetPath;
}

export function cpuCount(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || 1;
  } catch {
    return 1;
  }
}

/** Pins an already running process (e.g. this one, the load generator) to one core. */
export function pinSelf(core: number): boolean {
  return pinProcess(process.pid, core);
}

/** Pins an already running process we started (e.g. redis-server) to one core. */
export function pinProcess(pid: number, core: number): boolean {
  const path = taskset();
  if (!path) return false;
  try {
    execFileSync(path, ['-pc', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `command args` pinned to `core` (taskset execs the command, so the pid is the command's own).
 * `core` null: unpinned.
 */
export function spawnPinned(
  name: string,
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; core: number | null; cwd?: string },
): Managed {
  const pin = options.core !== null ? taskset() : null;
  const [file, argv] = pin ? [pin, ['-c', String(options.core), command, ...args]] : [command, [...args]];
  const child = spawn(file, argv, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);

  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      for (const waiter of waiters) {
        if (waiter.pattern.test(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    name,
    child,
    pid: child.pid,
    output: () => lines.join('\n'),
    exited,
    waitForLine(pattern, timeoutMs) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const waiter = { pattern, resolve: (line: string) => (clearTimeout(timer), resolve(line)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms\n${lines.join('\n')}`),
          );
        }, timeoutMs);
        waiters.add(waiter);
        void exited.then((code) => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          reject(new Error(`${name} exited (code ${code}) before printing ${pattern}\n${lines.join('\n')}`));
        });
      });
    },
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; only the given process. */
export async function stop(proc: Managed, graceMs = 5000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU time the process has used so far, in ms (`/proc/<pid>/stat` utime + stime). */
export function cpuTimeMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / ticksPerSecond();
  } catch {
    return null;
  }
}

export interface MemorySample {
  /** Peak resident set size so far (VmHWM), MB. */
  peakRssMb: number;
  /** Current resident set size (VmRSS), MB. */
  rssMb: number;
}

export function memory(pid: number): MemorySample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** A free TCP port on 127.0.0.1 (bind 0, read, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until the process stops using CPU (under 5% over 100 ms), e.g. after a load run whose last
 * in-flight requests the server is still working off; gives up after `maxMs`.
 */
export async function waitIdle(pid: number, maxMs = 30_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let previous = cpuTimeMs(pid);
  while (previous !== null && Date.now() < deadline) {
    await sleep(100);
    const now = cpuTimeMs(pid);
    if (now === null || now - previous < 5) return;
    previous = now;
  }
}
