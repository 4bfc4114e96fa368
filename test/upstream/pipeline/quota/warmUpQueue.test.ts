/** The warm-up queue over a fake clock: order, the reserve, requeue after a 429, bounds, close. */
import { WarmUpQueue, type WarmUpQueueOptions } from '../../../../src/upstream/pipeline/quota/warmUpQueue';
import { MemoryAdmissionWindow } from '../../../../src/upstream/pipeline/state/memoryAdmissionWindow';
import { makeCall, okResult, upstreamError } from '../helpers';

const LIMIT = { calls: 3, windowMs: 1_000 };

describe('WarmUpQueue', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const queueWith = (overrides: Partial<WarmUpQueueOptions> = {}) => {
    const window = new MemoryAdmissionWindow(() => Date.now());
    const queue = new WarmUpQueue({
      window,
      reserve: 1,
      maxQueuePerApi: 10,
      now: () => Date.now(),
      requeueOn: (error) => (error as { details?: { status?: number } }).details?.status === 429,
      ...overrides,
    });
    return { window, queue };
  };

  it('runs queued calls in arrival order, never taking the reserved slots, and estimates each wait', async () => {
    const { window, queue } = queueWith();
    const sent: string[] = [];
    const send = async (call: ReturnType<typeof makeCall>) => {
      sent.push(call.query['offset']!);
      return okResult();
    };
    const completions = ['0', '1', '2', '3'].map((offset) =>
      queue.enqueue(makeCall({ query: { offset } }), LIMIT, send)!,
    );
    await jest.advanceTimersByTimeAsync(0);
    // 3 per window, 1 reserved: 2 warm-ups per window.
    expect(sent).toEqual(['0', '1']);
    expect(window.usageNow('hss.listRegistryImages', LIMIT).remaining).toBe(1);
    expect(queue.queuedCount()).toBe(2);
    expect(completions[3]!.retryAfterMs()).toBe(1_000 + 500);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(['0', '1', '2', '3']);
    await expect(Promise.all(completions.map((completion) => completion.result))).resolves.toHaveLength(4);
  });

  it('puts a throttled run back at the head of its queue; rejects other failures', async () => {
    const { window, queue } = queueWith();
    let throttle = true;
    const send = jest.fn(async () => {
      if (throttle) {
        throttle = false;
        await window.pause('hss.listRegistryImages', 2_000);
        throw upstreamError('UPSTREAM_RATE_LIMITED', 429);
      }
      return okResult();
    });
    const retried = queue.enqueue(makeCall(), LIMIT, send)!;
    await jest.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.queuedCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(retried.result).resolves.toMatchObject({ status: 200 });

    const failing = queue.enqueue(makeCall({ query: { q: 'x' } }), LIMIT, async () => {
      throw upstreamError('UPSTREAM_UNAVAILABLE', 503);
    })!;
    await jest.advanceTimersByTimeAsync(0);
    await expect(failing.result).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('refuses what it cannot keep: not idempotent, over the bound, after close', async () => {
    const { queue } = queueWith({ maxQueuePerApi: 1, reserve: 3 }); // reserve = all: nothing ever runs
    const send = jest.fn(async () => okResult());
    expect(queue.enqueue(makeCall({ method: 'POST', idempotent: false }), LIMIT, send)).toBeUndefined();
    const kept = queue.enqueue(makeCall(), LIMIT, send)!;
    expect(queue.enqueue(makeCall({ query: { q: 'y' } }), LIMIT, send)).toBeUndefined();
    jest.advanceTimersByTime(500);
    expect(queue.oldestQueuedMs('hss.listRegistryImages')).toBe(500);
    queue.close();
    await expect(kept.result).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(queue.enqueue(makeCall(), LIMIT, send)).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});
