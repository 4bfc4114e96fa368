/**
 * Running a server under test with the critical-path probe (bench/probe/criticalPathProbe.cjs) preloaded,
 * and reading what it wrote: the same `--require` for the gateway and the baseline, a log file of its own
 * per server, read incrementally so each measured page takes only the lines written since the last one.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerSlot } from '../measure';
import type { ProbeRecord } from './criticalPath';

export const PROBE_PRELOAD = join(__dirname, 'criticalPathProbe.cjs');

export class ProbeLog {
  readonly file: string;
  private readonly dir: string;
  private offset = 0;
  private pending = '';

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
    this.file = join(this.dir, 'requests.jsonl');
  }

  /** `slot` with the probe preloaded (right after the node executable) and writing to this log. */
  probed(slot: ServerSlot): ServerSlot {
    const [node, ...args] = slot.command as [string, ...string[]];
    return {
      ...slot,
      command: [node, '--require', PROBE_PRELOAD, ...args],
      env: { ...slot.env, BENCH_PROBE_LOG: this.file },
    };
  }

  /** Records written since the last call (complete lines only). */
  readNew(): ProbeRecord[] {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return []; // nothing answered yet
    }
    if (size <= this.offset) return [];
    const buffer = Buffer.alloc(size - this.offset);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      closeSync(fd);
    }
    this.offset = size;
    const lines = (this.pending + buffer.toString('utf8')).split('\n');
    this.pending = lines.pop() ?? '';
    return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as ProbeRecord);
  }

  /** The records of requests to `url`'s path (e.g. POST /graphql) written since the last read. */
  readRequests(url: string, method = 'POST'): ProbeRecord[] {
    const path = new URL(url).pathname;
    return this.readNew().filter((record) => record.method === method && record.path === path);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
