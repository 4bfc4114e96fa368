import { composePipeline } from '../../../src/upstream/upstreamCall';
import { rateLimitedError } from '../../../src/upstream/pipeline/deferredCompletion';
import { useCircuitBreaker } from '../../../src/upstream/pipeline/useCircuitBreaker';
import {
  counterValue,
  makeCall,
  manualNext,
  okResult,
  recordingNext,
  testMetrics,
  upstreamError,
} from './helpers';

jest.setTimeout(5_000);

describe('useCircuitBreaker', () => {
  let time: number;
  const metrics = testMetrics();

  function guarded(next = recordingNext()) {
    const breaker = useCircuitBreaker({ failureThreshold: 3, openMs: 10_000, now: () => time, metrics });
    return { breaker, next, handler: composePipeline([breaker], next) };
  }

  const failing = () =>
    recordingNext(async () => {
      throw upstreamError('UPSTREAM_UNAVAILABLE', 503);
    });

  beforeEach(() => {
    time = 1_000_000;
    metrics.breakerState.reset();
  });

  it('opens after N consecutive outages and then fails fast without calling next', async () => {
    const { breaker, next, handler } = guarded(failing());
    for (let i = 0; i < 3; i += 1)
      await expect(handler(makeCall())).rejects.toMatchObject({ details: { status: 503 } });
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('open');
    expect(await counterValue(metrics.breakerState, { service: 'hss' })).toBe(1);

    const fast = handler(makeCall());
    await expect(fast).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: { service: 'hss' } });
    await expect(fast).rejects.toThrow(/circuit open/i);
    expect(next).toHaveBeenCalledTimes(3);
  });

  it('counts timeouts and bad responses, and a success resets the count', async () => {
    const outcomes = [
      upstreamError('UPSTREAM_TIMEOUT'),
      upstreamError('UPSTREAM_BAD_RESPONSE', 200),
      undefined,
      upstreamError('UPSTREAM_TIMEOUT'),
      upstreamError('UPSTREAM_TIMEOUT'),
      upstreamError('UPSTREAM_TIMEOUT'),
    ];
    const { breaker, handler } = guarded(
      recordingNext(async () => {
        const outcome = outcomes.shift();
        if (outcome) throw outcome;
        return okResult();
      }),
    );
    for (let i = 0; i < 5; i += 1) await handler(makeCall()).catch(() => undefined);
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('closed');
    await handler(makeCall()).catch(() => undefined); // third consecutive: the success reset the count
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('open');
  });

  it('ignores 4xx, rate limiting and aborts', async () => {
    const errors = [
      upstreamError('UPSTREAM_BAD_REQUEST', 400),
      upstreamError('NOT_FOUND', 400),
      upstreamError('UPSTREAM_AUTH_FAILED', 401),
      upstreamError('UPSTREAM_RATE_LIMITED', 429),
      rateLimitedError(makeCall(), 12_000, 'quota spent'),
      new DOMException('aborted', 'AbortError'),
    ];
    const { breaker, handler } = guarded(
      recordingNext(async () => {
        throw errors.shift() ?? upstreamError('UPSTREAM_BAD_REQUEST', 400);
      }),
    );
    for (let i = 0; i < 10; i += 1) await handler(makeCall()).catch(() => undefined);
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('closed');

    // An outage reported for a call its client abandoned is not counted either.
    const aborted = new AbortController();
    aborted.abort();
    const { breaker: other, handler: otherHandler } = guarded(failing());
    for (let i = 0; i < 5; i += 1) {
      await otherHandler(makeCall({ options: { signal: aborted.signal } })).catch(() => undefined);
    }
    expect(other.stateOf('hss.listRegistryImages')).toBe('closed');
  });

  it('keeps one breaker per API, so one broken API leaves the others of its service served', async () => {
    const { breaker, next, handler } = guarded(failing());
    for (let i = 0; i < 3; i += 1) await handler(makeCall()).catch(() => undefined);
    next.mockImplementation(async () => okResult());
    await expect(handler(makeCall({ service: 'swr', api: 'swr.listSharedRepos' }))).resolves.toMatchObject({
      status: 200,
    });
    await expect(handler(makeCall({ api: 'hss.showImageFilesStat' }))).resolves.toMatchObject({
      status: 200,
    });
    expect(breaker.stateOf('swr.listSharedRepos')).toBe('closed');
    expect(breaker.stateOf('hss.showImageFilesStat')).toBe('closed');
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('open');
  });

  it('lets one probe through after openMs; others fail fast; success closes', async () => {
    const { next, pending } = manualNext();
    const { breaker, handler } = guarded(next as ReturnType<typeof recordingNext>);
    for (let i = 0; i < 3; i += 1) {
      const call = handler(makeCall());
      pending[i]?.reject(upstreamError('UPSTREAM_UNAVAILABLE', 502));
      await call.catch(() => undefined);
    }
    time += 9_999;
    await expect(handler(makeCall())).rejects.toThrow(/circuit open/i);
    time += 1;

    const probe = handler(makeCall());
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('half-open');
    expect(await counterValue(metrics.breakerState, { service: 'hss' })).toBe(0.5);
    await expect(handler(makeCall())).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(pending).toHaveLength(4);

    pending[3]?.resolve(okResult());
    await probe;
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('closed');
    expect(await counterValue(metrics.breakerState, { service: 'hss' })).toBe(0);
    void handler(makeCall());
    expect(pending).toHaveLength(5);
  });

  it('re-opens when the probe fails', async () => {
    const { breaker, next, handler } = guarded(failing());
    for (let i = 0; i < 3; i += 1) await handler(makeCall()).catch(() => undefined);
    time += 10_000;
    await expect(handler(makeCall())).rejects.toMatchObject({ details: { status: 503 } }); // the probe
    expect(breaker.stateOf('hss.listRegistryImages')).toBe('open');
    await expect(handler(makeCall())).rejects.toThrow(/circuit open/i);
    expect(next).toHaveBeenCalledTimes(4);
  });
});
