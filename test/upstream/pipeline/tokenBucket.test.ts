import { TokenBucket } from '../../../src/upstream/pipeline/tokenBucket';

describe('TokenBucket', () => {
  let time: number;
  const now = (): number => time;
  beforeEach(() => {
    time = 1_000_000;
  });

  it('grants a burst of `capacity`, then one token per refill interval', () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerMinute: 5 }, now);
    for (let i = 0; i < 5; i += 1) expect(bucket.tryReserve(0)).toBe(0);
    expect(bucket.tryReserve(0)).toBeUndefined();
    expect(bucket.msUntilNextToken()).toBe(12_000);

    time += 12_000;
    expect(bucket.tryReserve(0)).toBe(0);
    expect(bucket.tryReserve(0)).toBeUndefined();
  });

  it('never refills beyond capacity', () => {
    const bucket = new TokenBucket({ capacity: 2, refillPerMinute: 60 }, now);
    time += 60_000;
    expect(bucket.tryReserve(0)).toBe(0);
    expect(bucket.tryReserve(0)).toBe(0);
    expect(bucket.tryReserve(0)).toBeUndefined();
  });

  it('queues reservations one interval apart', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerMinute: 5 }, now);
    expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(12_000);
    expect(bucket.reserve()).toBe(24_000);
    expect(bucket.msUntilNextToken()).toBe(36_000);
  });

  it('grants a token within maxWaitMs and gives it back on release', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerMinute: 60 }, now);
    bucket.reserve();
    time += 800;
    expect(bucket.tryReserve(100)).toBeUndefined();
    expect(bucket.tryReserve(250)).toBe(200);
    bucket.release();
    expect(bucket.msUntilNextToken()).toBe(200);
  });

  it('pause drains the bucket and delays the next token by the pause', () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerMinute: 5 }, now);
    bucket.pause(30_000);
    expect(bucket.msUntilNextToken()).toBe(30_000);
    time += 30_000;
    expect(bucket.tryReserve(0)).toBe(0);
    expect(bucket.tryReserve(0)).toBeUndefined();
  });

  it('rejects a nonsensical limit', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerMinute: 5 }, now)).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, refillPerMinute: 0 }, now)).toThrow(RangeError);
  });
});
