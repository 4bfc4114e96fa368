import { MemoryAdmissionWindow } from '../../../../src/upstream/pipeline/state/memoryAdmissionWindow';

describe('MemoryAdmissionWindow', () => {
  let time = 0;
  const window = new MemoryAdmissionWindow(() => time);
  const limit = { calls: 3, windowMs: 1_000 };

  it('admits N per sliding window, says when the next slot frees, and honours the reserve and pauses', () => {
    time = 0;
    expect(window.tryAdmitNow('a', limit, 0)).toMatchObject({ admitted: true });
    time = 400;
    expect(window.tryAdmitNow('a', limit, 1)).toMatchObject({ admitted: true });
    // Reserve 1 leaves the last slot to interactive calls.
    expect(window.tryAdmitNow('a', limit, 1)).toEqual({
      admitted: false,
      retryAfterMs: 600,
      reason: 'budget',
    });
    expect(window.tryAdmitNow('a', limit, 0)).toMatchObject({ admitted: true });
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
    expect(window.tryAdmitNow('a', limit, 0)).toMatchObject({ admitted: true });
    void window.pause('a', 5_000);
    expect(window.tryAdmitNow('a', limit, 0)).toEqual({
      admitted: false,
      retryAfterMs: 5_000,
      reason: 'paused',
    });
    expect(window.tryAdmitNow('b', limit, 0)).toMatchObject({ admitted: true });
  });

  it('holds a completed admission slot until a window after its answer', async () => {
    time = 10_000;
    const first = window.tryAdmitNow('c', limit, 0);
    window.tryAdmitNow('c', limit, 0);
    window.tryAdmitNow('c', limit, 0);
    time = 10_700; // the first call is answered 700 ms after it was sent
    if (first.admitted) await window.complete('c', first.ticket);
    time = 11_000; // the other two left the window; the first is held until 11_700
    expect(window.usageNow('c', limit)).toMatchObject({ used: 1, nextSlotInMs: 0 });
    window.tryAdmitNow('c', limit, 0);
    window.tryAdmitNow('c', limit, 0);
    expect(window.tryAdmitNow('c', limit, 0)).toEqual({
      admitted: false,
      retryAfterMs: 700,
      reason: 'budget',
    });
  });
});
