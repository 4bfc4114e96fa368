import { composePipeline } from '../../../src/upstream/upstreamCall';
import {
  deferredCompletionOf,
  rateLimitedError,
  type DeferredCompletion,
} from '../../../src/upstream/pipeline/deferredCompletion';
import { useCoalescing } from '../../../src/upstream/pipeline/useCoalescing';
import {
  counterValue,
  flushPromises,
  makeCall,
  manualNext,
  okResult,
  recordingNext,
  rejectionOf,
  testMetrics,
} from './helpers';

jest.setTimeout(5_000);

describe('useCoalescing', () => {
  const metrics = testMetrics();
  beforeEach(() => metrics.coalesced.reset());

  it('shares one call to next among 50 concurrent identical calls', async () => {
    const { next, pending } = manualNext();
    const handler = composePipeline([useCoalescing({ metrics })], next);
    const results = Array.from({ length: 50 }, () => handler(makeCall()));
    expect(pending).toHaveLength(1);
    pending[0]?.resolve(okResult('shared'));
    expect((await Promise.all(results)).every((result) => result.body === 'shared')).toBe(true);
    expect(await counterValue(metrics.coalesced, { api: 'hss.listRegistryImages' })).toBe(49);
  });

  it('keeps nothing once the shared call settled', async () => {
    const next = recordingNext();
    const handler = composePipeline([useCoalescing()], next);
    await handler(makeCall());
    await handler(makeCall());
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('shares a rejection too, then forgets it', async () => {
    const { next, pending } = manualNext();
    const handler = composePipeline([useCoalescing()], next);
    const calls = [handler(makeCall()), handler(makeCall())];
    pending[0]?.reject(new Error('boom'));
    await expect(Promise.all(calls)).rejects.toThrow('boom');
    void handler(makeCall());
    expect(pending).toHaveLength(2);
  });

  it('does not merge different keys or non-idempotent calls', async () => {
    const next = recordingNext();
    const handler = composePipeline([useCoalescing()], next);
    await Promise.all([
      handler(makeCall({ query: { limit: '10', offset: '0' } })),
      handler(makeCall({ query: { limit: '10', offset: '10' } })),
      handler(makeCall({ options: { contentVersion: 2 } })),
      handler(makeCall({ method: 'POST', idempotent: false, body: '{}' })),
      handler(makeCall({ method: 'POST', idempotent: false, body: '{}' })),
    ]);
    expect(next).toHaveBeenCalledTimes(5);
  });

  it('rejects a waiter that aborts at once, without cancelling the others', async () => {
    const { next, pending } = manualNext();
    const handler = composePipeline([useCoalescing()], next);
    const leaving = new AbortController();
    const staying = new AbortController();
    const leaver = handler(makeCall({ options: { signal: leaving.signal } }));
    const stayer = handler(makeCall({ options: { signal: staying.signal } }));

    leaving.abort(new Error('client disconnected'));
    await expect(leaver).rejects.toThrow('client disconnected');
    expect(pending[0]?.call.options.signal?.aborted).toBe(false);

    pending[0]?.resolve(okResult('still wanted'));
    expect((await stayer).body).toBe('still wanted');
  });

  it('aborts the shared call when every waiter has aborted, and starts afresh after', async () => {
    const { next, pending } = manualNext();
    const handler = composePipeline([useCoalescing()], next);
    const controllers = [new AbortController(), new AbortController()];
    const waiters = controllers.map((controller) =>
      handler(makeCall({ options: { signal: controller.signal } })),
    );
    const settled = Promise.allSettled(waiters);
    const sharedSignal = pending[0]?.call.options.signal;
    expect(sharedSignal).toBeDefined();
    expect(sharedSignal).not.toBe(controllers[0]?.signal);

    controllers[0]?.abort();
    expect(sharedSignal?.aborted).toBe(false);
    controllers[1]?.abort();
    expect(sharedSignal?.aborted).toBe(true);
    expect((await settled).map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);

    void handler(makeCall());
    expect(pending).toHaveLength(2);
  });

  it('rejects an already aborted caller without calling next', async () => {
    const next = recordingNext();
    const handler = composePipeline([useCoalescing()], next);
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(handler(makeCall({ options: { signal: controller.signal } }))).rejects.toThrow('gone');
    expect(next).not.toHaveBeenCalled();
  });

  it('answers callers of a key with a queued warm-up at once, without queueing another', async () => {
    let completeDeferred!: () => void;
    let remainingMs = 12_000;
    const deferred: DeferredCompletion = {
      result: new Promise((resolve) => {
        completeDeferred = () => resolve(okResult('warmed'));
      }),
      retryAfterMs: () => remainingMs,
    };
    const next = recordingNext(async (call) => {
      throw rateLimitedError(call, 12_000, 'quota spent', deferred);
    });
    const handler = composePipeline([useCoalescing({ metrics })], next);

    await expect(handler(makeCall())).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    remainingMs = 7_000;
    const error = await rejectionOf(handler(makeCall()));
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', details: { retryAfterMs: 7_000 } });
    expect(deferredCompletionOf(error)).toBe(deferred);
    expect(next).toHaveBeenCalledTimes(1);

    completeDeferred();
    await flushPromises();
    await expect(handler(makeCall())).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    expect(next).toHaveBeenCalledTimes(2); // the warm-up is done: calls go down again
  });
});
