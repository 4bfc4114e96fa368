/**
 * Beats this replica's presence every `intervalMs` and remembers how many live replicas it saw. That
 * count is what a replica falls back on when the shared store is away: its share of the budget is 1/N.
 *
 * `liveReplicas` is the largest count seen over the last presence lifetime (three intervals) of successful
 * beats, not just the last one: right after Redis restarts empty, the first beats see only the replicas
 * that have beaten again so far, and a replica that believed it was alone would take the whole budget.
 * A count is forgotten only once a later beat is itself a whole lifetime old, by when every live replica
 * has beaten again; so failed beats (Redis away) keep the last count. Replicas that really left drop out
 * after about two lifetimes. Before any successful beat (Redis away since start), the count is
 * `expectedReplicas`: a replica that cannot see the others must not assume it is alone. `rank` is this
 * replica's place among the live ids at the last successful beat (undefined before one). The timer never
 * keeps the process alive.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

import { DEFAULTS } from '../../../../config/defaults';
import { systemClock, type Clock } from '../../clock';
import type { ReplicaPresence } from '../contracts';

export interface ReplicaHeartbeatOptions {
  presence: ReplicaPresence;
  /** Unique per process; default: host name + pid + random. */
  replicaId?: string;
  /** Beat period (default `DEFAULTS.redis.heartbeatIntervalMs`); a replica counts as live for three periods after its last beat. */
  intervalMs?: number;
  /** Live replicas to assume until a beat succeeds (default `DEFAULTS.redis.expectedReplicas`). */
  expectedReplicas?: number;
  now?: Clock;
  onError?: (error: unknown) => void;
}

export class ReplicaHeartbeat {
  readonly replicaId: string;
  private readonly intervalMs: number;
  private readonly now: Clock;
  private timer: NodeJS.Timeout | undefined;
  /** Counts seen by successful beats, oldest first. */
  private seen: { at: number; live: number }[] = [];
  private lastRank: number | undefined;

  constructor(private readonly options: ReplicaHeartbeatOptions) {
    this.replicaId = options.replicaId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.intervalMs = options.intervalMs ?? DEFAULTS.redis.heartbeatIntervalMs;
    this.now = options.now ?? systemClock;
  }

  /** How long one beat keeps this replica counted as live. */
  get presenceTtlMs(): number {
    return this.intervalMs * 3;
  }

  /** Live replicas (this one included), as explained above; `expectedReplicas` before any successful beat. */
  get liveReplicas(): number {
    this.forgetSuperseded();
    if (this.seen.length === 0)
      return Math.max(1, this.options.expectedReplicas ?? DEFAULTS.redis.expectedReplicas);
    return Math.max(1, ...this.seen.map(({ live }) => live));
  }

  /** This replica's place among the live replica ids at the last successful beat; undefined before one. */
  get rank(): number | undefined {
    return this.lastRank;
  }

  /** Beats once now (resolving when done; errors reported, not thrown), then every interval. */
  async start(): Promise<void> {
    if (!this.timer) {
      this.timer = setInterval(() => void this.beatOnce(), this.intervalMs);
      this.timer.unref();
    }
    await this.beatOnce();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async beatOnce(): Promise<number> {
    try {
      const { live, rank } = await this.options.presence.beat(this.replicaId, this.presenceTtlMs);
      this.seen.push({ at: this.now(), live });
      this.lastRank = rank;
    } catch (error) {
      this.options.onError?.(error);
    }
    return this.liveReplicas;
  }

  /** Drops the oldest count while the next one is already a whole presence lifetime old. */
  private forgetSuperseded(): void {
    const horizon = this.now() - this.presenceTtlMs;
    while (this.seen.length > 1 && (this.seen[1] as { at: number }).at <= horizon) this.seen.shift();
  }
}
