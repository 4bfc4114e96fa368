import { Registry } from 'prom-client';
import type { ErrorCode } from '../../../src/errors/codes';
import { UpstreamError } from '../../../src/errors/upstreamError';
import { isAbortError } from '../../../src/upstream/transport/abortable';
import { createUpstreamMetrics } from '../../../src/upstream/metrics';
import { RequestNotSentError } from '../../../src/upstream/transport/notSent';
import type { UpstreamCall, UpstreamHandler, UpstreamResult } from '../../../src/upstream/upstreamCall';
import { useRetry, type RetryOptions } from '../../../src/upstream/pipeline/useRetry';

const OK: UpstreamResult = { status: 200, headers: {}, body: { ok: true } };

function call(overrides: Partial<UpstreamCall> = {}): UpstreamCall {
  return {
    service: 'hss',
    api: 'hss.listRegistryImages',
    method: 'GET',
    path: '/v5/p/image/registries/images',
    query: {},
    headers: {},
    idempotent: true,
    options: {},
    ...overrides,
  };
}

function failure(code: ErrorCode, options: { notSent?: boolean; status?: number } = {}): UpstreamError {
  return new UpstreamError(
    code,
    'HSS request failed',
    { service: 'hss', api: 'hss.listRegistryImages', ...(options.status && { status: options.status }) },
    options.notSent ? { cause: new RequestNotSentError(new Error('ECONNREFUSED')) } : undefined,
  );
}

/** A `next` handler that fails with the scripted errors, then succeeds; records when each attempt ran. */
function scripted(errors: unknown[]) {
  const attemptsAt: number[] = [];
  const handler: UpstreamHandler = async () => {
    attemptsAt.push(Date.now());
    const error = errors.shift();
    if (error !== undefined) throw error;
    return OK;
  };
  return { handler, attemptsAt };
}

const fast: RetryOptions = { baseDelayMs: 20, maxDelayMs: 1_000, random: () => 0.99 };

describe('useRetry', () => {
  it('retries an idempotent call after 5xx and timeouts, with growing backoff', async () => {
    const next = scripted([failure('UPSTREAM_UNAVAILABLE', { status: 503 }), failure('UPSTREAM_TIMEOUT')]);
    const registry = new Registry();
    const metrics = createUpstreamMetrics(registry);
    await expect(useRetry({ ...fast, metrics })(next.handler)(call())).resolves.toBe(OK);
    expect(next.attemptsAt).toHaveLength(3);
    const [first, second, third] = next.attemptsAt as [number, number, number];
    // Full jitter with random()=0.99: ~20 ms, then ~40 ms.
    expect(second - first).toBeGreaterThanOrEqual(15);
    expect(third - second).toBeGreaterThanOrEqual(35);
    expect(await registry.getSingleMetricAsString('gateway_upstream_retries_total')).toContain(
      'api="hss.listRegistryImages"} 2',
    );
  });

  it('stops after maxAttempts and rethrows the last error', async () => {
    const last = failure('UPSTREAM_UNAVAILABLE');
    const next = scripted([failure('UPSTREAM_UNAVAILABLE'), failure('UPSTREAM_UNAVAILABLE'), last]);
    await expect(useRetry({ ...fast, maxAttempts: 3 })(next.handler)(call())).rejects.toBe(last);
    expect(next.attemptsAt).toHaveLength(3);
  });

  it.each<ErrorCode>([
    'UPSTREAM_BAD_REQUEST',
    'UPSTREAM_RATE_LIMITED',
    'UPSTREAM_AUTH_FAILED',
    'NOT_FOUND',
    'UPSTREAM_BAD_RESPONSE',
  ])('never retries %s', async (code) => {
    const next = scripted([failure(code)]);
    await expect(useRetry(fast)(next.handler)(call())).rejects.toMatchObject({ code });
    expect(next.attemptsAt).toHaveLength(1);
  });

  it('does not retry a non-idempotent call that may have been sent', async () => {
    const next = scripted([failure('UPSTREAM_TIMEOUT')]);
    await expect(
      useRetry(fast)(next.handler)(call({ method: 'POST', idempotent: false })),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
    });
    expect(next.attemptsAt).toHaveLength(1);
  });

  it('retries a non-idempotent call whose request was never sent', async () => {
    const next = scripted([failure('UPSTREAM_UNAVAILABLE', { notSent: true })]);
    await expect(useRetry(fast)(next.handler)(call({ method: 'POST', idempotent: false }))).resolves.toBe(OK);
    expect(next.attemptsAt).toHaveLength(2);
  });

  it('does not retry errors that are not upstream errors', async () => {
    const next = scripted([new TypeError('bug')]);
    await expect(useRetry(fast)(next.handler)(call())).rejects.toBeInstanceOf(TypeError);
    expect(next.attemptsAt).toHaveLength(1);
  });

  it('stops retrying when the retry budget is spent', async () => {
    const retry = useRetry({ ...fast, budget: { ratio: 0, burst: 1 } });
    const first = scripted([failure('UPSTREAM_UNAVAILABLE')]);
    await expect(retry(first.handler)(call())).resolves.toBe(OK);
    expect(first.attemptsAt).toHaveLength(2);

    const downstream = scripted([failure('UPSTREAM_UNAVAILABLE'), failure('UPSTREAM_UNAVAILABLE')]);
    const handler = retry(downstream.handler);
    await expect(handler(call())).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(downstream.attemptsAt).toHaveLength(1);
  });

  it('refills the budget with a share of each request', async () => {
    const handlerFor = useRetry({ ...fast, budget: { ratio: 0.5, burst: 1 } });
    const always = scripted(Array.from({ length: 20 }, () => failure('UPSTREAM_UNAVAILABLE')));
    const handler = handlerFor(always.handler);
    // Burst of 1 plus 0.5 per request: over 6 requests at most 1 + 6 * 0.5 = 4 retries.
    for (let i = 0; i < 6; i += 1) await handler(call()).catch(() => undefined);
    expect(always.attemptsAt.length - 6).toBeLessThanOrEqual(4);
    expect(always.attemptsAt.length - 6).toBeGreaterThanOrEqual(2);
  });

  it('keeps separate budgets per service', async () => {
    const retry = useRetry({ ...fast, budget: { ratio: 0, burst: 1 } });
    const errors: unknown[] = [];
    const next = scripted(errors);
    const handler = retry(next.handler);
    errors.push(failure('UPSTREAM_UNAVAILABLE'));
    await expect(handler(call())).resolves.toBe(OK);
    errors.push(failure('UPSTREAM_UNAVAILABLE'));
    await expect(handler(call({ service: 'swr', api: 'swr.listSharedRepositories' }))).resolves.toBe(OK);
    expect(next.attemptsAt).toHaveLength(4);
  });

  it('rejects with the abort reason when the caller aborts during backoff', async () => {
    const controller = new AbortController();
    const next = scripted([failure('UPSTREAM_UNAVAILABLE')]);
    const pending = useRetry({ ...fast, baseDelayMs: 5_000, maxDelayMs: 5_000 })(next.handler)(
      call({ options: { signal: controller.signal } }),
    );
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const error = await pending.catch((reason: unknown) => reason);
    expect(isAbortError(error, controller.signal)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(next.attemptsAt).toHaveLength(1);
  });

  it('does not retry once the signal has aborted', async () => {
    const controller = new AbortController();
    const handler: UpstreamHandler = async () => {
      controller.abort();
      throw failure('UPSTREAM_UNAVAILABLE');
    };
    const next = jest.fn(handler);
    await expect(
      useRetry(fast)(next)(call({ options: { signal: controller.signal } })),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(next).toHaveBeenCalledTimes(1);
  });
});
