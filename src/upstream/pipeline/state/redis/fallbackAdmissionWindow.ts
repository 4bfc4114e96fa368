/**
 * The shared admission window, with a local fallback so that a Redis outage is not a quota outage.
 *
 * - `shared` mode: every decision is the Redis window's. Each shared admission is also noted in the local
 *   window, so a replica that loses Redis still counts what it admitted in the current window.
 * - On any Redis error or timeout: `local-fallback` mode. Calls are admitted from the local window with
 *   this replica's share of the budget (`localShare.ts`: `floor(calls / liveReplicas)` per window, or
 *   turns by the clock when there are more replicas than calls; liveReplicas: what the presence
 *   heartbeat last saw, or the expected count before it saw anything), so the fleet stays within the limit.
 * - While local, at most one call every `probeIntervalMs` tries Redis again. When it answers, the
 *   admissions made locally meanwhile are first written into the shared window, then the mode is
 *   `shared` again: no restart needed.
 * - Rejoining: the other replicas are still admitting locally until they rejoin too, and Redis does not
 *   know those admissions yet. So for one window (plus `rejoinGraceMs`, the time the others need to
 *   rejoin) after rejoining, a call must fit both the shared window and this replica's local share.
 *   That way the fleet stays within the limit across the whole outage, not only in its middle.
 *
 * Upstream-429 pauses are kept locally as well as shared, so they hold in either mode.
 */
import { DEFAULTS } from '../../../../config/defaults';
import { systemClock, type Clock } from '../../clock';
import type { Admission, AdmissionWindow, QuotaUsage, WindowLimit } from '../contracts';
import { MemoryAdmissionWindow } from '../memoryAdmissionWindow';
import { localShare, type LocalShare } from './localShare';

export type AdmissionMode = 'shared' | 'local-fallback';

/** A shared window that can take in admissions made elsewhere (see `RedisAdmissionWindow.record`). */
export interface ReplayableAdmissionWindow extends AdmissionWindow {
  record(api: string, windowMs: number, agesMs: readonly number[]): Promise<void>;
}

export interface FallbackAdmissionWindowOptions {
  shared: ReplayableAdmissionWindow;
  /** Live replicas at the last heartbeat (this one included). */
  liveReplicas: () => number;
  /** This replica's place among the live ones at the last heartbeat (undefined: never seen). */
  replicaRank?: () => number | undefined;
  /** While in fallback, how often one call tries Redis again (default `DEFAULTS.redis.fallbackProbeIntervalMs`). */
  probeIntervalMs?: number;
  /** After rejoining, how long beyond one window the local share still applies (`DEFAULTS.redis.rejoinGraceMs`). */
  rejoinGraceMs?: number;
  now?: Clock;
  /** Mode changes, for logs; `error` is what made Redis count as away. */
  onModeChange?: (mode: AdmissionMode, error?: unknown) => void;
}

interface LocalAdmissions {
  windowMs: number;
  /** Admissions made in fallback mode (local ticket, time), not yet written to the shared window. */
  entries: { ticket: string; time: number }[];
}

/**
 * Tickets name where an admission was recorded: `l:<local>` (fallback), `s:<local>:<shared>` (shared,
 * noted locally too), `s::<shared>` (shared only).
 */
function parseTicket(ticket: string): { local?: string; shared?: string } {
  if (ticket.startsWith('l:')) return { local: ticket.slice(2) };
  if (!ticket.startsWith('s:')) return {};
  const end = ticket.indexOf(':', 2);
  const local = ticket.slice(2, end);
  return { ...(local !== '' && { local }), shared: ticket.slice(end + 1) };
}

export class FallbackAdmissionWindow implements AdmissionWindow {
  private currentMode: AdmissionMode = 'shared';
  private readonly local: MemoryAdmissionWindow;
  private readonly now: Clock;
  private readonly probeIntervalMs: number;
  private lastProbeAt = 0;
  private readonly rejoinGraceMs: number;
  /** When this replica last went from fallback back to shared (never: -Infinity). */
  private rejoinedAt = Number.NEGATIVE_INFINITY;
  private probing = false;
  private readonly unreplayed = new Map<string, LocalAdmissions>();

  constructor(private readonly options: FallbackAdmissionWindowOptions) {
    this.now = options.now ?? systemClock;
    this.local = new MemoryAdmissionWindow(this.now);
    this.probeIntervalMs = options.probeIntervalMs ?? DEFAULTS.redis.fallbackProbeIntervalMs;
    this.rejoinGraceMs = options.rejoinGraceMs ?? DEFAULTS.redis.rejoinGraceMs;
  }

  /** For /metrics: whether decisions are fleet-wide (`shared`) or this replica's share (`local-fallback`). */
  get mode(): AdmissionMode {
    return this.currentMode;
  }

  async tryAdmit(api: string, limit: WindowLimit, reserve: number): Promise<Admission> {
    const probe = this.currentMode === 'local-fallback' && this.probeDue();
    if (this.currentMode !== 'shared' && !probe) return this.admitLocally(api, limit, reserve);
    if (probe) {
      this.probing = true;
      this.lastProbeAt = this.now();
    }
    // Rejoining (or about to): the call must first fit the local share, taken at once so that
    // concurrent calls cannot all pass the check before any is recorded.
    let heldLocally: string | undefined;
    try {
      if (probe) await this.replayLocalAdmissions();
      if (probe || this.rejoining(limit)) {
        const local = this.admitWithinShare(api, limit, reserve);
        if (!local.admitted) {
          if (probe) this.enter('shared');
          return local;
        }
        heldLocally = local.ticket;
      }
      const admission = await this.options.shared.tryAdmit(api, limit, reserve);
      this.enter('shared');
      if (!admission.admitted) return admission;
      // Noted locally too (under the full limit, which the shared window just enforced).
      if (heldLocally === undefined) {
        const noted = this.local.tryAdmitNow(api, limit, 0);
        if (noted.admitted) heldLocally = noted.ticket;
      }
      return { ...admission, ticket: `s:${heldLocally ?? ''}:${admission.ticket}` };
    } catch (error) {
      this.enter('local-fallback', error);
      if (heldLocally === undefined) return this.admitLocally(api, limit, reserve);
      // Already admitted under the local share: that is the fallback's answer.
      this.noteForReplay(api, limit, heldLocally);
      return { admitted: true, ticket: `l:${heldLocally}` };
    } finally {
      if (probe) this.probing = false;
    }
  }

  async complete(api: string, ticket: string): Promise<void> {
    const { local, shared } = parseTicket(ticket);
    if (local !== undefined) {
      await this.local.complete(api, local);
      const entry = this.unreplayed.get(api)?.entries.find((pending) => pending.ticket === local);
      if (entry) entry.time = Math.max(entry.time, this.now());
    }
    if (shared === undefined || this.currentMode === 'local-fallback') return;
    try {
      await this.options.shared.complete(api, shared);
    } catch (error) {
      this.enter('local-fallback', error);
    }
  }

  async pause(api: string, forMs: number): Promise<void> {
    await this.local.pause(api, forMs);
    if (this.currentMode === 'local-fallback') return;
    try {
      await this.options.shared.pause(api, forMs);
    } catch (error) {
      this.enter('local-fallback', error);
    }
  }

  async usage(api: string, limit: WindowLimit): Promise<QuotaUsage> {
    if (this.currentMode === 'shared') {
      try {
        return await this.options.shared.usage(api, limit);
      } catch (error) {
        this.enter('local-fallback', error);
      }
    }
    return this.local.usageNow(api, this.localLimit(limit));
  }

  /** This replica's share of `limit` while Redis is away, now (see `localShare.ts`). */
  localShare(limit: WindowLimit): LocalShare {
    return localShare(limit, this.options.liveReplicas(), this.options.replicaRank?.(), this.now());
  }

  /** This replica's calls per window of `limit` while Redis is away. */
  localLimit(limit: WindowLimit): WindowLimit {
    return this.localShare(limit).limit;
  }

  /** One admission from the local window under this replica's share (and only in its turn, if it has turns). */
  private admitWithinShare(api: string, limit: WindowLimit, reserve: number): Admission {
    const share = this.localShare(limit);
    if (share.waitMs > 0) {
      const retryAfterMs = Number.isFinite(share.waitMs) ? Math.ceil(share.waitMs) : limit.windowMs;
      return { admitted: false, retryAfterMs, reason: 'budget' };
    }
    return this.local.tryAdmitNow(api, share.limit, this.localReserve(limit, share.limit, reserve));
  }

  private admitLocally(api: string, limit: WindowLimit, reserve: number): Admission {
    const admission = this.admitWithinShare(api, limit, reserve);
    if (!admission.admitted) return admission;
    this.noteForReplay(api, limit, admission.ticket);
    return { admitted: true, ticket: `l:${admission.ticket}` };
  }

  /** Remembers a fallback admission, to be written into the shared window on rejoining. */
  private noteForReplay(api: string, limit: WindowLimit, ticket: string): void {
    let pending = this.unreplayed.get(api);
    if (!pending) this.unreplayed.set(api, (pending = { windowMs: limit.windowMs, entries: [] }));
    const at = this.now();
    // Only those still inside the window matter for the replay: a long outage keeps at most one share.
    pending.entries = pending.entries.filter((entry) => entry.time > at - limit.windowMs);
    pending.entries.push({ ticket, time: at });
  }

  /** Within one window (plus the grace) of rejoining: the local share applies as well. */
  private rejoining(limit: WindowLimit): boolean {
    return this.now() - this.rejoinedAt < limit.windowMs + this.rejoinGraceMs;
  }

  /** The reserve shrinks with the share, rounding up: background calls yield first when budget is scarce. */
  private localReserve(limit: WindowLimit, share: WindowLimit, reserve: number): number {
    return reserve <= 0 ? 0 : Math.min(share.calls, Math.ceil((reserve * share.calls) / limit.calls));
  }

  private probeDue(): boolean {
    return !this.probing && this.now() - this.lastProbeAt >= this.probeIntervalMs;
  }

  /** Writes the fallback admissions still inside their window into the shared window; throws if Redis fails. */
  private async replayLocalAdmissions(): Promise<void> {
    const at = this.now();
    for (const [api, pending] of [...this.unreplayed]) {
      const ages = pending.entries.map(({ time }) => at - time).filter((age) => age < pending.windowMs);
      if (ages.length > 0) await this.options.shared.record(api, pending.windowMs, ages);
      // Admissions made while this write was in flight stay for the next replay.
      pending.entries = pending.entries.filter(({ time }) => time > at);
      if (pending.entries.length === 0) this.unreplayed.delete(api);
    }
  }

  private enter(mode: AdmissionMode, error?: unknown): void {
    if (mode === 'local-fallback') this.lastProbeAt = this.now();
    if (this.currentMode === mode) return;
    this.currentMode = mode;
    if (mode === 'shared') this.rejoinedAt = this.now();
    this.options.onModeChange?.(mode, error);
    // Fallback admissions that raced the successful probe: hand them over too (best effort).
    if (mode === 'shared' && this.unreplayed.size > 0)
      void this.replayLocalAdmissions().catch(() => undefined);
  }
}
