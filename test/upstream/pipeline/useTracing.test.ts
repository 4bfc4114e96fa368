/**
 * The span of each upstream call, over the assembled pipeline and a fake core: what the inner middlewares
 * did with the call shows up as attributes (coalescing, retries, quota refusal and warm-up, breaker state).
 */
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanStatusCode } from '@opentelemetry/api';
import { loadConfig } from '../../../src/config/config';
import { createPipeline, type PipelineConfigInput } from '../../../src/upstream/pipeline/createPipeline';
import { startTracing, type GatewayTracing } from '../../../src/tracing/startTracing';
import type { InflightLeases } from '../../../src/upstream/pipeline/state/contracts';
import {
  makeCall,
  manualNext,
  okResult,
  recordingNext,
  rejectionOf,
  testMetrics,
  upstreamError,
} from './helpers';

let exporter: InMemorySpanExporter;
let tracing: GatewayTracing;
beforeEach(() => {
  exporter = new InMemorySpanExporter();
  tracing = startTracing(loadConfig({}).tracing, { exporter })!;
});
afterEach(() => tracing.shutdown());

function tracedPipeline(config: PipelineConfigInput = {}) {
  return createPipeline(
    { retry: { baseDelayMs: 1, maxDelayMs: 1 }, ...config },
    { metrics: testMetrics(), tracer: tracing.tracer, random: () => 0 },
  );
}

const spans = (): ReadableSpan[] => exporter.getFinishedSpans();

it('marks the second of two identical concurrent calls as coalesced', async () => {
  const pipeline = tracedPipeline();
  const { next, pending } = manualNext();
  const handler = pipeline.around(next);
  const call = makeCall({ cachePolicy: 'list' });
  const both = Promise.all([handler(call), handler(call)]);
  await new Promise((resolve) => setImmediate(resolve));
  expect(pending).toHaveLength(1);
  pending[0]!.resolve(okResult());
  await both;
  expect(
    spans()
      .map((span) => span.attributes['hwc.coalesced'])
      .sort(),
  ).toEqual([false, true]);
  for (const span of spans()) {
    expect(span.name).toBe('upstream hss.listRegistryImages');
    expect(span.attributes).toMatchObject({
      'hwc.api': 'hss.listRegistryImages',
      'hwc.cache.outcome': 'miss',
    });
  }
  pipeline.close();
});

it('counts the attempts of a retried call', async () => {
  const pipeline = tracedPipeline();
  let failures = 1;
  const core = recordingNext(async () => {
    if (failures-- > 0) throw upstreamError('UPSTREAM_UNAVAILABLE', 503);
    return okResult();
  });
  await pipeline.around(core)(makeCall());
  expect(core).toHaveBeenCalledTimes(2);
  const [span] = spans();
  expect(span!.attributes).toMatchObject({ 'hwc.retry.attempts': 2, 'hwc.breaker.state': 'closed' });
  expect(span!.status.code).not.toBe(SpanStatusCode.ERROR);
  pipeline.close();
});

it('records a quota refusal, its queued warm-up, and the error code', async () => {
  const pipeline = tracedPipeline({ quota: { enabled: true } });
  const handler = pipeline.around(recordingNext());
  const image = (id: string) => makeCall({ api: 'hss.listImageApps', path: `/v5/p/image/${id}/apps` });
  await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => handler(image(id))));
  await rejectionOf(handler(image('f')));

  const admitted = spans().slice(0, 5);
  // Admitted at once: no wait beyond the admission check itself.
  for (const span of admitted) expect(span.attributes['hwc.quota.wait_ms']).toBeLessThan(250);
  const refused = spans()[5]!;
  expect(refused.attributes).toMatchObject({
    'hwc.quota.refused': true,
    'hwc.quota.warm_up_queued': true,
    'error.type': 'UPSTREAM_RATE_LIMITED',
  });
  expect(refused.status.code).toBe(SpanStatusCode.ERROR);
  pipeline.close();
});

it('shows an open breaker on the calls it fails fast', async () => {
  const pipeline = tracedPipeline({ retry: { maxAttempts: 1 }, breaker: { failureThreshold: 2 } });
  const core = recordingNext(async () => {
    throw upstreamError('UPSTREAM_TIMEOUT');
  });
  const handler = pipeline.around(core);
  for (let k = 0; k < 3; k += 1) await rejectionOf(handler(makeCall()));
  expect(core).toHaveBeenCalledTimes(2);
  expect(spans().map((span) => span.attributes['hwc.breaker.state'])).toEqual(['closed', 'closed', 'open']);
  expect(spans().map((span) => span.attributes['error.type'])).toEqual([
    'UPSTREAM_TIMEOUT',
    'UPSTREAM_TIMEOUT',
    'UPSTREAM_UNAVAILABLE',
  ]);
  pipeline.close();
});

it('marks a call answered by another replica as coalesced across replicas', async () => {
  // Another replica holds the lease on this call and hands over its result.
  const leases: InflightLeases = {
    acquire: async () => false,
    waitFor: async () => ({ result: okResult() }),
    publish: async () => undefined,
  };
  const pipeline = createPipeline(
    {},
    { metrics: testMetrics(), tracer: tracing.tracer, inflightLeases: leases },
  );
  const core = recordingNext();
  await pipeline.around(core)(makeCall({ cachePolicy: 'list' }));
  expect(core).not.toHaveBeenCalled();
  expect(spans()[0]!.attributes).toMatchObject({
    'hwc.cache.outcome': 'miss',
    'hwc.coalesced': true,
    'hwc.coalesced.across_replicas': true,
  });
  pipeline.close();
});
