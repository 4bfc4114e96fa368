/**
 * In-flight call leases shared by every replica, so that when replica B needs a call replica A is already
 * making, B waits for A's outcome instead of calling too.
 *
 * - `acquire`: `SET lease NX PX leaseMs`. The lease expires by itself, so a holder that died frees it.
 * - `publish`: writes the outcome to a short-lived key, ends the lease (only if still ours) and announces
 *   the call key on one pub/sub channel, all in one script. The outcome travels through the key, not the
 *   message, so replicas with nobody waiting never download it, and a waiter that subscribes late (or
 *   missed a message while its subscriber reconnected) still finds it.
 * - `waitFor`: on each announcement of its key, and at the latest when the lease would expire (polling at
 *   most `recheckMs` apart), reads outcome and lease together: an outcome resolves, a vanished lease
 *   without one resolves `expired` (the holder died: call yourself), and so does the timeout.
 *
 * One instance per process, with its own subscriber connection (a subscribed Redis connection can send
 * nothing else); one channel serves every key. Redis errors reject, so the caller can go local.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

import { DEFAULTS } from '../../../../config/defaults';
import { abortReason } from '../../../transport/abortable';
import type { InflightLeases, InflightOutcome } from '../contracts';
import { defineLuaScript, type LuaScript } from './luaScript';

/**
 * KEYS: lease, outcome. ARGV: token, leaseMs, reuse. A new lease forgets the previous call's outcome;
 * with `reuse`, a fresh outcome is handed out instead (no lease), covering the moment between a
 * holder's answer and its write to the shared cache.
 */
const ACQUIRE = `
if ARGV[3] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('DEL', KEYS[2])
  return 1
end
return 0
`;

/** KEYS: lease, outcome. ARGV: outcome JSON, outcome TTL, holder token, channel, call key. */
const PUBLISH = `
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
if redis.call('GET', KEYS[1]) == ARGV[3] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 0
`;

export interface RedisInflightLeasesOptions {
  /** Connection for commands. */
  redis: Redis;
  /** A dedicated connection this instance subscribes on; nothing else may use it. */
  subscriber: Redis;
  /** Namespace of this deployment, e.g. `hwc-gw:<projectId>:`. */
  keyPrefix: string;
  /** How long a published outcome stays readable for late waiters (default `DEFAULTS.redis.inflightOutcomeTtlMs`). */
  outcomeTtlMs?: number;
  /** Longest gap between two checks while waiting, covering announcements lost in a reconnect (`DEFAULTS.redis.inflightRecheckMs`). */
  recheckMs?: number;
}

type WaitResult = InflightOutcome | 'expired';

interface Waiter {
  /** Reads outcome and lease now and settles or schedules the next check. */
  check(): void;
  /** Resolves `expired` now. */
  expire(): void;
}

export class RedisInflightLeases implements InflightLeases {
  private readonly acquireScript: LuaScript;
  private readonly publishScript: LuaScript;
  private readonly channel: string;
  private readonly outcomeTtlMs: number;
  private readonly recheckMs: number;
  /** Tokens of the leases this instance holds, so `publish` ends only its own lease. */
  private readonly held = new Map<string, string>();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private subscribed: Promise<void> | undefined;

  constructor(private readonly options: RedisInflightLeasesOptions) {
    this.acquireScript = defineLuaScript(options.redis, 'hwcInflightAcquire', ACQUIRE);
    this.publishScript = defineLuaScript(options.redis, 'hwcInflightPublish', PUBLISH);
    this.channel = `${options.keyPrefix}inflight:settled`;
    this.outcomeTtlMs = options.outcomeTtlMs ?? DEFAULTS.redis.inflightOutcomeTtlMs;
    this.recheckMs = options.recheckMs ?? DEFAULTS.redis.inflightRecheckMs;
  }

  async acquire(key: string, leaseMs: number, options: { reuseOutcome?: boolean } = {}): Promise<boolean> {
    const token = randomBytes(9).toString('base64url');
    const reuse = options.reuseOutcome ? '1' : '0';
    const acquired =
      (await this.acquireScript(this.keys(key), [token, Math.max(1, Math.ceil(leaseMs)), reuse])) === 1;
    if (acquired) this.held.set(key, token);
    return acquired;
  }

  async publish(key: string, outcome: InflightOutcome): Promise<void> {
    const token = this.held.get(key) ?? '';
    this.held.delete(key);
    await this.publishScript(this.keys(key), [
      JSON.stringify(outcome),
      this.outcomeTtlMs,
      token,
      this.channel,
      key,
    ]);
  }

  async waitFor(key: string, timeoutMs: number, signal?: AbortSignal): Promise<WaitResult> {
    if (signal?.aborted) throw abortReason(signal);
    await this.subscribe();
    if (signal?.aborted) throw abortReason(signal);

    return new Promise<WaitResult>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      let next: NodeJS.Timeout | undefined;
      let checking = false;
      let recheckRequested = false;
      let done = false;
      const finish = (settle: () => void): void => {
        if (done) return;
        done = true;
        clearTimeout(next);
        clearTimeout(timeout);
        signal?.removeEventListener('abort', onAbort);
        const forKey = this.waiters.get(key);
        forKey?.delete(waiter);
        if (forKey?.size === 0) this.waiters.delete(key);
        settle();
      };
      const onAbort = (): void => finish(() => reject(abortReason(signal as AbortSignal)));
      const timeout = setTimeout(() => finish(() => resolve('expired')), timeoutMs);

      const waiter: Waiter = {
        expire: () => finish(() => resolve('expired')),
        check: () => {
          if (done) return;
          // One read at a time; an announcement arriving meanwhile triggers one more.
          if (checking) {
            recheckRequested = true;
            return;
          }
          checking = true;
          clearTimeout(next);
          this.readState(key).then(
            ({ outcome, leaseTtlMs }) => {
              checking = false;
              if (outcome) return finish(() => resolve(outcome));
              if (leaseTtlMs <= 0) return finish(() => resolve('expired'));
              if (recheckRequested) {
                recheckRequested = false;
                return waiter.check();
              }
              const wait = Math.min(leaseTtlMs + 2, this.recheckMs, Math.max(1, deadline - Date.now()));
              next = setTimeout(() => waiter.check(), wait);
            },
            (error: unknown) => {
              checking = false;
              finish(() => reject(error));
            },
          );
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      let forKey = this.waiters.get(key);
      if (!forKey) this.waiters.set(key, (forKey = new Set()));
      forKey.add(waiter);
      waiter.check();
    });
  }

  /** Stops listening; pending waits resolve `expired`, so their callers make the call themselves. */
  async close(): Promise<void> {
    this.options.subscriber.off('message', this.onMessage);
    for (const waiters of [...this.waiters.values()]) for (const waiter of [...waiters]) waiter.expire();
    if (this.subscribed) await this.options.subscriber.unsubscribe(this.channel).catch(() => undefined);
    this.subscribed = undefined;
  }

  private subscribe(): Promise<void> {
    if (!this.subscribed) {
      this.options.subscriber.on('message', this.onMessage);
      this.subscribed = this.options.subscriber.subscribe(this.channel).then(
        () => undefined,
        (error: unknown) => {
          // Not subscribed (Redis away): the next wait tries again.
          this.options.subscriber.off('message', this.onMessage);
          this.subscribed = undefined;
          throw error;
        },
      );
    }
    return this.subscribed;
  }

  private readonly onMessage = (channel: string, key: string): void => {
    if (channel !== this.channel) return;
    for (const waiter of this.waiters.get(key) ?? []) waiter.check();
  };

  private async readState(key: string): Promise<{ outcome?: InflightOutcome; leaseTtlMs: number }> {
    const [leaseKey, outcomeKey] = this.keys(key);
    // One transaction: an outcome written between two separate reads could otherwise look like a dead holder.
    const replies = await this.options.redis.multi().get(outcomeKey).pttl(leaseKey).exec();
    if (!replies) throw new Error('Redis transaction was aborted');
    const [[outcomeError, json], [leaseError, leaseTtlMs]] = replies as [
      [Error | null, string | null],
      [Error | null, number],
    ];
    if (outcomeError) throw outcomeError;
    if (leaseError) throw leaseError;
    const outcome = json === null ? undefined : parseOutcome(json);
    return outcome ? { outcome, leaseTtlMs } : { leaseTtlMs };
  }

  private keys(key: string): [lease: string, outcome: string] {
    return [
      `${this.options.keyPrefix}inflight:lease:${key}`,
      `${this.options.keyPrefix}inflight:outcome:${key}`,
    ];
  }
}

function parseOutcome(json: string): InflightOutcome | undefined {
  try {
    const value = JSON.parse(json) as Partial<{ result: unknown; failed: unknown }>;
    if (value.failed === true) return { failed: true };
    if (typeof value.result === 'object' && value.result !== null) return value as InflightOutcome;
  } catch {
    // Unreadable: as if there were none; the lease decides.
  }
  return undefined;
}
