/**
 * Outermost middleware when tracing is on: one span per upstream call the gateway's code asks for, cache
 * hits and coalesced calls included, as a child of the GraphQL operation that caused it. The middlewares
 * inside annotate it (`tracing/upstreamSpan.ts`): cache outcome, coalescing, breaker state, retries, quota
 * wait or refusal; each HTTP attempt is a child span of its own (`transport/httpCore.ts`).
 */
import { context, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { UPSTREAM_API, UPSTREAM_SERVICE } from '../../tracing/attributes';
import { operationContext } from '../../tracing/operationScope';
import { recordSpanFailure } from '../../tracing/spanFailure';
import { withUpstreamSpan } from '../../tracing/upstreamSpan';
import type { UpstreamMiddleware } from '../upstreamCall';

export function useTracing(tracer: Tracer): UpstreamMiddleware {
  return (next) => (call) => {
    const parent = operationContext();
    const span = tracer.startSpan(
      `upstream ${call.api}`,
      { kind: SpanKind.INTERNAL, attributes: { [UPSTREAM_API]: call.api, [UPSTREAM_SERVICE]: call.service } },
      parent,
    );
    return context.with(trace.setSpan(withUpstreamSpan(parent, span), span), async () => {
      try {
        return await next(call);
      } catch (error) {
        recordSpanFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    });
  };
}
