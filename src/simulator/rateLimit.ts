/**
 * The documented HSS quota: at most `perMinute` calls per API per user in a sliding 60 s window.
 * Rejected calls do not use up the window. Only routes flagged `rateLimited` (HSS) are checked.
 */
import type { RateLimitSetting } from './types';

export const DOCUMENTED_HSS_PER_MINUTE = 5;
const WINDOW_MS = 60_000;

export class RateLimiter {
  private perMinute = 0;
  private readonly windows = new Map<string, number[]>();
  private readonly listeners = new Set<(enabled: boolean) => void>();

  constructor(
    setting: RateLimitSetting,
    private readonly now: () => number = Date.now,
  ) {
    this.configure(setting);
  }

  configure(setting: RateLimitSetting): void {
    if (setting === false) this.perMinute = 0;
    else if (setting === true) this.perMinute = DOCUMENTED_HSS_PER_MINUTE;
    else {
      if (!Number.isInteger(setting.perMinute) || setting.perMinute < 1) {
        throw new RangeError('perMinute must be a positive integer');
      }
      this.perMinute = setting.perMinute;
    }
    this.windows.clear();
    for (const listener of this.listeners) listener(this.enabled);
  }

  /** Tells `listener` about every later switch (in-process or over the control API); returns an unsubscribe. */
  onChange(listener: (enabled: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    while (calls.length > 0 && (calls[0] as number) <= now - WINDOW_MS) calls.shift();
    if (calls.length >= this.perMinute) return false;
    calls.push(now);
    return true;
  }
}
