import { MemoryAdmissionWindow } from '../../../../src/upstream/pipeline/state/memoryAdmissionWindow';

describe('MemoryAdmissionWindow', () => {
  let time = 0;
  const window = new MemoryAdmissionWindow(() => time);
  const limit = { calls: 3, windowMs: 1_000 };

  it('admits N per sliding window, says when the next slot frees, and honours the reserve and pauses', () => {
    time = 0;
    expect(window.tryAdmitNow('a', limit, 0)).toEqual({ admitted: true });
    time = 400;
    expect(window.tryAdmitNow('a', limit, 1)).toEqual({ admitted: true });
    // Reserve 1 leaves the last slot to interactive calls.
    expect(window.tryAdmitNow('a', limit, 1)).toEqual({
      admitted: false,
      retryAfterMs: 600,
      reason: 'budget',
    });
    expect(window.tryAdmitNow('a', limit, 0)).toEqual({ admitted: true });
    expect(window.tryAdmitNow('a', limit, 0)).toEqual({
      admitted: false,
      retryAfterMs: 600,
      reason: 'budget',
    });
    expect(window.usageNow('a', limit)).toEqual({
      limit: 3,
      used: 3,
      remaining: 0,
      nextSlotInMs: 600,
      pausedForMs: 0,
    });
    time = 1_000; // the first admission left the window
    expect(window.tryAdmitNow('a', limit, 0)).toEqual({ admitted: true });
    void window.pause('a', 5_000);
    expect(window.tryAdmitNow('a', limit, 0)).toEqual({
      admitted: false,
      retryAfterMs: 5_000,
      reason: 'paused',
    });
    expect(window.tryAdmitNow('b', limit, 0)).toEqual({ admitted: true });
  });
});
