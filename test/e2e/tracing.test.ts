/**
 * OpenTelemetry traces of the reference ImageDashboard, recorded by the SDK's in-memory exporter while real
 * HTTP requests run against the simulator: one operation span in the client's trace, one child span per
 * upstream call (counted against the simulator's own counts), one HTTP attempt per call actually sent,
 * carrying `traceparent` upstream; warm, every call is a cache hit and nothing goes over HTTP.
 */
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { operation, serviceCalls, startStack, type Stack, type StackOptions } from './harness';
import { startRecordingProxy, type RecordingProxy } from './support/recordingProxy';
import type { Dashboard } from './support/dashboard';

const VARIABLES = { first: 20, filter: { type: 'PRIVATE' } };

/** A client-made W3C trace context: version 00, sampled. */
function clientTraceparent(): { traceparent: string; traceId: string; spanId: string } {
  const hex = (bytes: number) =>
    Array.from({ length: bytes }, () =>
      Math.floor(Math.random() * 256)
        .toString(16)
        .padStart(2, '0'),
    ).join('');
  const traceId = hex(16);
  const spanId = hex(8);
  return { traceparent: `00-${traceId}-${spanId}-01`, traceId, spanId };
}

const isUpstreamCall = (span: ReadableSpan) => span.name.startsWith('upstream ');
const isHttpAttempt = (span: ReadableSpan) => span.kind === SpanKind.CLIENT;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

function countBy(spans: readonly ReadableSpan[], attribute: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const span of spans) {
    const key = String(span.attributes[attribute]);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.each<[string, StackOptions['credential']]>([
  ['an IAM token', 'password'],
  ['an AK/SK signature', 'accessKey'],
])('tracing ImageDashboard, upstream authenticated with %s', (_label, credential) => {
  let stack: Stack;
  let proxy: RecordingProxy;
  let exporter: InMemorySpanExporter;

  beforeEach(async () => {
    exporter = new InMemorySpanExporter();
    // HSS and SWR go through a recording proxy, so the test sees the headers the simulator received.
    proxy = await startRecordingProxy();
    stack = await startStack({
      simulator: { imageCount: 400, seed: 7 },
      credential,
      // Off, so the warm run walks the upstream pipeline (its cache hits are what this test looks at).
      env: { HWC_HSS_ENDPOINT: proxy.url, HWC_SWR_ENDPOINT: proxy.url, GRAPHQL_RESPONSE_CACHE: 'off' },
      dependencies: { traceExporter: exporter },
    });
    proxy.target = stack.simulator.url;
    stack.resetCalls();
  });
  afterEach(async () => {
    await stack.close();
    await proxy.close();
  });

  it('puts every upstream call under one operation span in the client trace, and sends traceparent upstream', async () => {
    const client = clientTraceparent();
    const cold = await stack.query<Dashboard>(operation('ImageDashboard'), VARIABLES, {
      traceparent: client.traceparent,
      tracestate: 'vendor=opaque',
    });
    expect(cold.status).toBe(200);
    expect(cold.body.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const operations = spans.filter((span) => span.kind === SpanKind.SERVER);
    expect(operations).toHaveLength(1);
    const [op] = operations as [ReadableSpan];
    expect(op.name).toBe('query ImageDashboard');
    expect(op.attributes).toMatchObject({
      'graphql.operation.name': 'ImageDashboard',
      'graphql.operation.type': 'query',
      'http.response.status_code': 200,
    });
    expect(op.spanContext().traceId).toBe(client.traceId);
    expect(parentOf(op)).toBe(client.spanId);
    // Variables and the document are never recorded.
    expect(JSON.stringify(op.attributes)).not.toContain('PRIVATE');

    // One upstream-call span per call the simulator answered, each a child of the operation, each a miss.
    const calls = spans.filter(isUpstreamCall);
    const sent = serviceCalls(stack.calls());
    expect(Object.keys(sent).length).toBeGreaterThanOrEqual(2);
    expect(countBy(calls, 'hwc.api')).toEqual(sent);
    for (const call of calls) {
      expect(parentOf(call)).toBe(op.spanContext().spanId);
      expect(call.spanContext().traceId).toBe(client.traceId);
      expect(call.name).toBe(`upstream ${String(call.attributes['hwc.api'])}`);
      expect(call.attributes).toMatchObject({
        'hwc.cache.outcome': 'miss',
        'hwc.coalesced': false,
        'hwc.breaker.state': 'closed',
      });
    }

    // One HTTP attempt under each call, and that attempt's context is what the simulator received.
    const attempts = spans.filter(isHttpAttempt);
    expect(attempts).toHaveLength(calls.length);
    const callIds = new Set(calls.map((call) => call.spanContext().spanId));
    for (const attempt of attempts) {
      expect(callIds.has(parentOf(attempt)!)).toBe(true);
      expect(attempt.attributes['http.response.status_code']).toBe(200);
    }
    expect(proxy.headers).toHaveLength(attempts.length);
    const received = proxy.headers.map((headers) => String(headers.traceparent));
    expect(new Set(received)).toEqual(
      new Set(attempts.map((attempt) => `00-${client.traceId}-${attempt.spanContext().spanId}-01`)),
    );
    for (const headers of proxy.headers) expect(headers.tracestate).toBe('vendor=opaque');
    if (credential === 'accessKey') {
      // Trace context is added after signing: proxies that rewrite it cannot break the signature.
      for (const headers of proxy.headers) {
        expect(headers.authorization).toMatch(/SignedHeaders=[^,]*x-sdk-date/);
        expect(headers.authorization).not.toMatch(/traceparent|tracestate/);
      }
    }

    // Warm, in a new trace: the same calls, all cache hits, none sent over HTTP.
    exporter.reset();
    stack.resetCalls();
    proxy.headers.length = 0;
    const second = clientTraceparent();
    const warm = await stack.query<Dashboard>(operation('ImageDashboard'), VARIABLES, {
      traceparent: second.traceparent,
    });
    expect(warm.body.data).toEqual(cold.body.data);
    const warmSpans = exporter.getFinishedSpans();
    const warmOperations = warmSpans.filter((span) => span.kind === SpanKind.SERVER);
    expect(warmOperations).toHaveLength(1);
    expect(warmOperations[0]!.spanContext().traceId).toBe(second.traceId);
    const warmCalls = warmSpans.filter(isUpstreamCall);
    expect(countBy(warmCalls, 'hwc.api')).toEqual(countBy(calls, 'hwc.api'));
    for (const call of warmCalls) {
      expect(call.attributes['hwc.cache.outcome']).toBe('hit');
      expect(parentOf(call)).toBe(warmOperations[0]!.spanContext().spanId);
    }
    expect(warmSpans.filter(isHttpAttempt)).toEqual([]);
    expect(serviceCalls(stack.calls())).toEqual({});
    expect(proxy.headers).toEqual([]);
  });

  it('starts a trace of its own when the client sends none, and records error codes on the operation', async () => {
    const response = await stack.query('{ containerImages(first: 1) { nodes { id } } nosuchfield }');
    expect(response.status).toBe(400);
    const [op, ...others] = exporter.getFinishedSpans();
    expect(others).toEqual([]);
    expect(parentOf(op!)).toBeUndefined();
    expect(op!.attributes).toMatchObject({
      'graphql.error.codes': ['GRAPHQL_VALIDATION_FAILED'],
      'error.type': 'GRAPHQL_VALIDATION_FAILED',
      'http.response.status_code': 400,
    });
  });
});

describe('with the whole-response cache (on by default)', () => {
  let stack: Stack;
  let exporter: InMemorySpanExporter;
  beforeEach(async () => {
    exporter = new InMemorySpanExporter();
    stack = await startStack({
      simulator: { imageCount: 400, seed: 7 },
      dependencies: { traceExporter: exporter },
    });
  });
  afterEach(() => stack.close());

  it('says so on the operation span of a response served whole, which has no upstream call under it', async () => {
    await stack.query(operation('ImageDashboard'), VARIABLES);
    expect(exporter.getFinishedSpans().filter(isUpstreamCall).length).toBeGreaterThan(0);
    exporter.reset();
    stack.resetCalls();

    const warm = await stack.query(operation('ImageDashboard'), VARIABLES);
    expect(warm.body.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attributes).toMatchObject({
      'graphql.operation.name': 'ImageDashboard',
      'gateway.response_cache.hit': true,
    });
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});
