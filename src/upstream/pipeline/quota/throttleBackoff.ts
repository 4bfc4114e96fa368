/**
 * How long to pause an API after an upstream 429. The documents give no Retry-After, so this is ours:
 * at least `minMs` (and at least the upstream's own hint), doubled on each further 429 without a success
 * in between, at most `maxMs` (one quota window: any window has rolled over by then).
 */
export interface ThrottleBackoffOptions {
  minMs: number;
  maxMs: number;
}

export class ThrottleBackoff {
  private readonly consecutive = new Map<string, number>();
  /** When the current pause of an API ends: 429s of calls sent before it began report the same event. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly options: ThrottleBackoffOptions) {}

  /** The pause to apply after a 429 on `api` at `now`, or 0 when it belongs to a pause already applied. */
  onThrottled(api: string, now: number, hintMs = 0): number {
    if (now < (this.pausedUntil.get(api) ?? 0)) return 0;
    const count = this.consecutive.get(api) ?? 0;
    const pauseMs = Math.min(this.options.maxMs, Math.max(this.options.minMs * 2 ** count, hintMs));
    this.consecutive.set(api, count + 1);
    this.pausedUntil.set(api, now + pauseMs);
    return pauseMs;
  }

  onSuccess(api: string): void {
    if (this.consecutive.size > 0) this.consecutive.delete(api);
  }
}
