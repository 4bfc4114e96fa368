/**
 * The documented HSS quota: at most `perMinute` calls per API per user in a sliding 60 s window (the
 * window can be shortened, e.g. 5 calls per 2 s, so tests cover many windows in seconds). Rejected calls
 * do not use up the window. Only routes flagged `rateLimited` (HSS) are checked. The times of admitted
 * calls and the number of throttled ones are kept per route, so tests can check any window themselves.
 */
import type { RateLimitSetting } from './types';

export const DOCUMENTED_HSS_PER_MINUTE = 5;
const DOCUMENTED_WINDOW_MS = 60_000;

export class RateLimiter {
  private perMinute = 0;
  private windowMs = DOCUMENTED_WINDOW_MS;
  private readonly windows = new Map<string, number[]>();
  private admitted = new Map<string, number[]>();
  private throttled = new Map<string, number>();

  constructor(
    setting: RateLimitSetting,
    private readonly now: () => number = Date.now,
  ) {
    this.configure(setting);
  }

  configure(setting: RateLimitSetting): void {
    this.windowMs = DOCUMENTED_WINDOW_MS;
    if (setting === false) this.perMinute = 0;
    else if (setting === true) this.perMinute = DOCUMENTED_HSS_PER_MINUTE;
    else {
      if (!Number.isInteger(setting.perMinute) || setting.perMinute < 1) {
        throw new RangeError('perMinute must be a positive integer');
      }
      if (setting.windowMs !== undefined && !(Number.isInteger(setting.windowMs) && setting.windowMs >= 1)) {
        throw new RangeError('windowMs must be a positive integer');
      }
      this.perMinute = setting.perMinute;
      this.windowMs = setting.windowMs ?? DOCUMENTED_WINDOW_MS;
    }
    this.windows.clear();
  }

  /** The window length in force (60 s as documented, unless shortened). */
  get window(): number {
    return this.windowMs;
  }

  /** Times of the calls admitted per route since the last reset. */
  admittedTimes(): Record<string, number[]> {
    return Object.fromEntries([...this.admitted].map(([route, times]) => [route, [...times]]));
  }

  /** Calls answered 429 per route since the last reset. */
  throttledCounts(): Record<string, number> {
    return Object.fromEntries(this.throttled);
  }

  resetLog(): void {
    this.admitted = new Map();
    this.throttled = new Map();
  }

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  /** The configured limit (the documented 5 when off, for messages). */
  get limit(): number {
    return this.perMinute || DOCUMENTED_HSS_PER_MINUTE;
  }

  /** Records the call and returns true, or returns false when over the limit. */
  tryAcquire(route: string, user: string): boolean {
    if (!this.enabled) return true;
    const key = `${route}|${user}`;
    const now = this.now();
    let calls = this.windows.get(key);
    if (!calls) this.windows.set(key, (calls = []));
    while (calls.length > 0 && (calls[0] as number) <= now - this.windowMs) calls.shift();
    if (calls.length >= this.perMinute) {
      this.throttled.set(route, (this.throttled.get(route) ?? 0) + 1);
      return false;
    }
    calls.push(now);
    let log = this.admitted.get(route);
    if (!log) this.admitted.set(route, (log = []));
    log.push(now);
    return true;
  }
}
