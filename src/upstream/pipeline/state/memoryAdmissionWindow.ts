/**
 * The admission window of one process: per API, the times of the admissions still inside the window.
 * JavaScript runs one callback at a time, so check-and-record needs no lock.
 */
import { systemClock, type Clock } from '../clock';
import type { Admission, AdmissionWindow, QuotaUsage, WindowLimit } from './contracts';

interface ApiLog {
  /** Admission times, oldest first. */
  times: number[];
  pausedUntil: number;
}

export class MemoryAdmissionWindow implements AdmissionWindow {
  private readonly apis = new Map<string, ApiLog>();

  constructor(private readonly now: Clock = systemClock) {}

  tryAdmit(api: string, limit: WindowLimit, reserve: number): Promise<Admission> {
    return Promise.resolve(this.tryAdmitNow(api, limit, reserve));
  }

  /** The synchronous form, for callers that hold no other state between check and use. */
  tryAdmitNow(api: string, limit: WindowLimit, reserve: number): Admission {
    const at = this.now();
    const log = this.logOf(api, limit, at);
    if (log.pausedUntil > at)
      return { admitted: false, retryAfterMs: log.pausedUntil - at, reason: 'paused' };
    const capacity = limit.calls - reserve;
    if (capacity <= 0) return { admitted: false, retryAfterMs: limit.windowMs, reason: 'budget' };
    if (log.times.length < capacity) {
      log.times.push(at);
      return { admitted: true };
    }
    // The admission that must leave the window before one more fits under `capacity`.
    const blocking = log.times[log.times.length - capacity] as number;
    return { admitted: false, retryAfterMs: Math.max(1, blocking + limit.windowMs - at), reason: 'budget' };
  }

  pause(api: string, forMs: number): Promise<void> {
    const at = this.now();
    const log = this.apis.get(api) ?? { times: [], pausedUntil: 0 };
    log.pausedUntil = Math.max(log.pausedUntil, at + forMs);
    this.apis.set(api, log);
    return Promise.resolve();
  }

  usage(api: string, limit: WindowLimit): Promise<QuotaUsage> {
    return Promise.resolve(this.usageNow(api, limit));
  }

  usageNow(api: string, limit: WindowLimit): QuotaUsage {
    const at = this.now();
    const log = this.logOf(api, limit, at);
    const used = log.times.length;
    const oldest = log.times[0];
    return {
      limit: limit.calls,
      used,
      remaining: Math.max(0, limit.calls - used),
      nextSlotInMs:
        used < limit.calls || oldest === undefined ? 0 : Math.max(0, oldest + limit.windowMs - at),
      pausedForMs: Math.max(0, log.pausedUntil - at),
    };
  }

  /** The API's log with the admissions that left the window dropped. */
  private logOf(api: string, limit: WindowLimit, at: number): ApiLog {
    let log = this.apis.get(api);
    if (!log) {
      log = { times: [], pausedUntil: 0 };
      this.apis.set(api, log);
    }
    const horizon = at - limit.windowMs;
    let expired = 0;
    while (expired < log.times.length && (log.times[expired] as number) <= horizon) expired += 1;
    if (expired > 0) log.times.splice(0, expired);
    return log;
  }
}
