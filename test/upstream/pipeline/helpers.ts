import { Registry } from 'prom-client';

import type { ErrorCode } from '../../../src/errors/codes';
import { UpstreamError } from '../../../src/errors/upstreamError';
import { createUpstreamMetrics, type UpstreamMetrics } from '../../../src/upstream/metrics';
import type { UpstreamCall, UpstreamHandler, UpstreamResult } from '../../../src/upstream/upstreamCall';

export function makeCall(overrides: Partial<UpstreamCall> = {}): UpstreamCall {
  return {
    service: 'hss',
    api: 'hss.listRegistryImages',
    method: 'GET',
    path: '/v5/project/image/registry/images',
    query: { limit: '10', offset: '0' },
    headers: {},
    idempotent: true,
    options: {},
    ...overrides,
  };
}

export function okResult(body: unknown = { total_num: 0, data_list: [] }): UpstreamResult {
  return { status: 200, headers: {}, body };
}

export function upstreamError(
  code: ErrorCode,
  status?: number,
  api = 'hss.listRegistryImages',
): UpstreamError {
  return new UpstreamError(code, `${code} from upstream`, { service: 'hss', api, status });
}

/** A `next` that records every call and answers with `respond` (default: 200 with the call's query as body). */
export function recordingNext(
  respond: (call: UpstreamCall) => Promise<UpstreamResult> = async (call) => okResult({ query: call.query }),
): jest.Mock<Promise<UpstreamResult>, [UpstreamCall]> & UpstreamHandler {
  return jest.fn(respond);
}

export interface PendingCall {
  call: UpstreamCall;
  resolve(result: UpstreamResult): void;
  reject(error: unknown): void;
}

/** A `next` whose calls stay pending until the test settles them. */
export function manualNext(): { next: UpstreamHandler; pending: PendingCall[] } {
  const pending: PendingCall[] = [];
  const next: UpstreamHandler = (call) =>
    new Promise((resolve, reject) => {
      pending.push({ call, resolve, reject });
    });
  return { next, pending };
}

export function testMetrics(): UpstreamMetrics {
  return createUpstreamMetrics(new Registry());
}

export async function counterValue(
  metric: { get(): Promise<{ values: { labels: object; value: number }[] }> },
  labels: Record<string, string>,
): Promise<number> {
  const { values } = await metric.get();
  const match = values.find((value) =>
    Object.entries(labels).every(
      ([name, label]) => (value.labels as Record<string, unknown>)[name] === label,
    ),
  );
  return match?.value ?? 0;
}

/** Lets already-settled promise chains run (no timers involved). */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** Captures a rejection for assertions (fails the test if the promise resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
