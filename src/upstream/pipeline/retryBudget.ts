/**
 * A retry budget (token bucket): every first attempt deposits `ratio` of a token, every retry spends a
 * whole one. The bucket starts full at `burst` and never holds more, so over time retries stay below
 * `ratio` of requests plus `burst`, and a failing upstream is not hammered with multiplied traffic.
 */
export interface RetryBudgetOptions {
  /** Retries allowed per request, sustained (default 0.2). */
  ratio?: number;
  /** Retries allowed at once from a full bucket, the "floor" for low traffic (default 10). */
  burst?: number;
}

export class RetryBudget {
  private readonly ratio: number;
  private readonly burst: number;
  private balance: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.ratio = options.ratio ?? 0.2;
    this.burst = options.burst ?? 10;
    if (!(this.ratio >= 0) || !(this.burst >= 0))
      throw new RangeError('Retry budget ratio and burst must be >= 0');
    this.balance = this.burst;
  }

  /** A first attempt was made. */
  deposit(): void {
    this.balance = Math.min(this.burst, this.balance + this.ratio);
  }

  /** Takes a token for one retry; false when the budget is spent. */
  tryWithdraw(): boolean {
    if (this.balance < 1) return false;
    this.balance -= 1;
    return true;
  }
}
