/**
 * A token bucket with reservations: `capacity` tokens, refilled continuously at `refillPerMinute`.
 *
 * A reservation takes the next token even when it lies in the future (the balance goes negative), and
 * answers how long to wait for it. Later reservations queue behind earlier ones, so callers that wait
 * are served in order and the bucket never grants more than its rate.
 */
import type { Clock } from './clock';

export interface RateLimit {
  /** Tokens available in a burst (HSS: 5, its whole per-minute allowance). */
  capacity: number;
  refillPerMinute: number;
}

export class TokenBucket {
  readonly capacity: number;
  /** Milliseconds to refill one token. */
  readonly intervalMs: number;
  private tokens: number;
  /** Time the balance was last brought up to date; in the future while paused. */
  private refilledAt: number;

  constructor(
    limit: RateLimit,
    private readonly now: Clock,
  ) {
    if (!(limit.capacity >= 1) || !(limit.refillPerMinute > 0)) {
      throw new RangeError(`Invalid rate limit: capacity ${limit.capacity}, ${limit.refillPerMinute}/min`);
    }
    this.capacity = limit.capacity;
    this.intervalMs = 60_000 / limit.refillPerMinute;
    this.tokens = limit.capacity;
    this.refilledAt = now();
  }

  /** Milliseconds until a reservation made now would get its token (0: available now). */
  msUntilNextToken(): number {
    this.refill();
    const pausedFor = Math.max(0, this.refilledAt - this.now());
    const missing = Math.max(0, 1 - this.tokens);
    return Math.ceil(pausedFor + missing * this.intervalMs);
  }

  /** Reserves the next token if it comes within `maxWaitMs`; returns the wait, or undefined (nothing taken). */
  tryReserve(maxWaitMs: number): number | undefined {
    const wait = this.msUntilNextToken();
    if (wait > maxWaitMs) return undefined;
    this.tokens -= 1;
    return wait;
  }

  /** Reserves the next token however far away it is; returns the wait. */
  reserve(): number {
    const wait = this.msUntilNextToken();
    this.tokens -= 1;
    return wait;
  }

  /** Gives back a reserved token that was not used (its caller gave up while waiting). */
  release(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }

  /**
   * Empties the bucket, forgetting outstanding reservations, so the next token comes `ms` from now
   * (callers holding reservations must reserve again). Used when upstream throttled us anyway.
   */
  pause(ms: number): void {
    this.tokens = 0;
    this.refilledAt = this.now() + ms - this.intervalMs;
  }

  private refill(): void {
    const now = this.now();
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) / this.intervalMs);
    this.refilledAt = now;
  }
}
