/**
 * The admission window of one process: per API, the times of the admissions still inside the window.
 * JavaScript runs one callback at a time, so check-and-record needs no lock.
 */
import { systemClock, type Clock } from '../clock';
import type { Admission, AdmissionWindow, QuotaUsage, WindowLimit } from './contracts';

interface AdmissionEntry {
  readonly ticket: string;
  time: number;
}

interface ApiLog {
  /** Admissions still inside the window, oldest first. */
  entries: AdmissionEntry[];
  pausedUntil: number;
}

export class MemoryAdmissionWindow implements AdmissionWindow {
  private readonly apis = new Map<string, ApiLog>();
  private issued = 0;

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
    if (log.entries.length < capacity) {
      this.issued += 1;
      const ticket = String(this.issued);
      log.entries.push({ ticket, time: at });
      return { admitted: true, ticket };
    }
    // The admission that must leave the window before one more fits under `capacity`.
    const blocking = (log.entries[log.entries.length - capacity] as AdmissionEntry).time;
    return { admitted: false, retryAfterMs: Math.max(1, blocking + limit.windowMs - at), reason: 'budget' };
  }

  complete(api: string, ticket: string): Promise<void> {
    const log = this.apis.get(api);
    const index = log ? log.entries.findIndex((entry) => entry.ticket === ticket) : -1;
    if (log && index >= 0) {
      const [entry] = log.entries.splice(index, 1) as [AdmissionEntry];
      entry.time = Math.max(entry.time, this.now());
      log.entries.push(entry); // the latest time of all: order kept
    }
    return Promise.resolve();
  }

  pause(api: string, forMs: number): Promise<void> {
    const at = this.now();
    const log = this.apis.get(api) ?? { entries: [], pausedUntil: 0 };
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
    const used = log.entries.length;
    const oldest = log.entries[0]?.time;
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
      log = { entries: [], pausedUntil: 0 };
      this.apis.set(api, log);
    }
    const horizon = at - limit.windowMs;
    let expired = 0;
    while (expired < log.entries.length && (log.entries[expired] as AdmissionEntry).time <= horizon)
      expired += 1;
    if (expired > 0) log.entries.splice(0, expired);
    return log;
  }
}
