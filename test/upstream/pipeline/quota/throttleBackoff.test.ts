import { ThrottleBackoff } from '../../../../src/upstream/pipeline/quota/throttleBackoff';

describe('ThrottleBackoff', () => {
  it('pauses at least the minimum or the hint, doubles on repeats, caps, and resets on success', () => {
    const backoff = new ThrottleBackoff({ minMs: 2_000, maxMs: 60_000 });
    expect(backoff.onThrottled('a', 0)).toBe(2_000);
    // A 429 of a call sent before the pause began reports the same event: no new pause.
    expect(backoff.onThrottled('a', 1_000)).toBe(0);
    expect(backoff.onThrottled('a', 2_000)).toBe(4_000);
    expect(backoff.onThrottled('a', 6_000, 30_000)).toBe(30_000);
    expect(backoff.onThrottled('a', 40_000)).toBe(16_000);
    expect(backoff.onThrottled('b', 40_000)).toBe(2_000);
    backoff.onSuccess('a');
    expect(backoff.onThrottled('a', 100_000)).toBe(2_000);
    const capped = new ThrottleBackoff({ minMs: 50_000, maxMs: 60_000 });
    capped.onThrottled('a', 0);
    expect(capped.onThrottled('a', 50_000)).toBe(60_000);
  });
});
