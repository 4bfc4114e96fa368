/**
 * The state the upstream pipeline keeps beyond one request: the quota window per API, in-flight call
 * leases and replica presence. One replica keeps it in memory; several replicas share it in Redis so that
 * they spend one upstream budget, once. Every method is async so either backing store fits.
 */
import type { UpstreamResult } from '../../upstreamCall';

/** At most `calls` admissions in any window of `windowMs` (HSS: 5 per 60 s, plus a safety margin). */
export interface WindowLimit {
  readonly calls: number;
  readonly windowMs: number;
}

export type Admission =
  | {
      readonly admitted: true;
      /** Names this admission for `complete`. */
      readonly ticket: string;
    }
  | {
      readonly admitted: false;
      /** Milliseconds until a call of the same priority could be admitted (never 0). */
      readonly retryAfterMs: number;
      /** `budget`: the window is full for this priority; `paused`: an upstream 429 paused the API. */
      readonly reason: 'budget' | 'paused';
    };

export interface QuotaUsage {
  readonly limit: number;
  /** Admissions within the current window. */
  readonly used: number;
  readonly remaining: number;
  /** Milliseconds until the oldest admission leaves the window (0 when a slot is free now). */
  readonly nextSlotInMs: number;
  /** Milliseconds left of an upstream-429 pause (0 when not paused). */
  readonly pausedForMs: number;
}

/**
 * A sliding-window admission log per API: an admission is recorded with its time, and a call is admitted
 * only while fewer than the limit were admitted within the last `windowMs`. Exact under concurrency: the
 * check and the record are one atomic step.
 */
export interface AdmissionWindow {
  /**
   * Admits one call to `api` when it is not paused and fewer than `limit.calls - reserve` admissions lie
   * within the last `limit.windowMs`; records it atomically. Interactive calls pass `reserve` 0; background
   * warm-ups pass the slots kept for interactive calls, so they never take the last ones.
   */
  tryAdmit(api: string, limit: WindowLimit, reserve: number): Promise<Admission>;
  /** The same, synchronously, for a window held in this process (see `sameTurn.ts`). */
  tryAdmitNow?(api: string, limit: WindowLimit, reserve: number): Admission;
  /**
   * Moves an admission's time to now, when its call has been answered. The upstream counts a call at
   * some moment between our sending it and its answer arriving, so the slot is held until the answer
   * plus the window: however slow the network or the process, the upstream never sees more than the
   * limit in one of its windows.
   */
  complete(api: string, ticket: string): Promise<void>;
  /** Pauses `api` for `forMs` from now (an upstream 429); never shortens a longer pause already set. */
  pause(api: string, forMs: number): Promise<void>;
  usage(api: string, limit: WindowLimit): Promise<QuotaUsage>;
}

/** How an in-flight call made by another holder ended. */
export type InflightOutcome = { readonly result: UpstreamResult } | { readonly failed: true };

/**
 * Leases on in-flight calls, so that one holder makes a call and the others wait for its outcome instead
 * of calling too. A lease expires by itself after `leaseMs`: a holder that died frees it.
 */
export interface InflightLeases {
  /**
   * True: the caller holds the lease and must `publish`. False: someone else holds it (or, with
   * `reuseOutcome`, just published an outcome still readable); `waitFor` it. Reuse only what cannot
   * have changed since (results keyed by content version), never a list a mutation may have changed.
   */
  acquire(key: string, leaseMs: number, options?: { reuseOutcome?: boolean }): Promise<boolean>;
  /**
   * Resolves with the holder's outcome, or `expired` when the lease ends (or `timeoutMs` passes) without
   * one. An outcome published between `acquire` and this call is still seen.
   */
  waitFor(key: string, timeoutMs: number, signal?: AbortSignal): Promise<InflightOutcome | 'expired'>;
  /** Ends the lease and hands `outcome` to every waiter. */
  publish(key: string, outcome: InflightOutcome): Promise<void>;
}

/** Replicas announce themselves, so each knows its share of the budget when the shared store is away. */
export interface ReplicaPresence {
  /**
   * Records this replica as live for `ttlMs`; resolves with the number of live replicas (≥ 1) and this
   * replica's place (0-based) among their ids in sorted order, the same order on every replica.
   */
  beat(replicaId: string, ttlMs: number): Promise<{ live: number; rank: number }>;
}
