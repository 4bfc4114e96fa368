/**
 * One HTTP attempt as a client span, child of the upstream call's span, and the W3C trace context
 * (`traceparent`, `tracestate`) of that attempt on the request, so Huawei Cloud's side (or a proxy in
 * between) can join the trace. Outside a traced call (tracing off; IAM) the attempt runs untouched.
 *
 * The headers are added after the AK/SK signature is computed, so they are not among the signed headers: a
 * proxy or mesh that rewrites `traceparent` (as tracing proxies do) cannot break the signature.
 */
import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type TextMapPropagator,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
} from '@opentelemetry/semantic-conventions';
import { UPSTREAM_API } from '../../tracing/attributes';
import { recordSpanFailure } from '../../tracing/spanFailure';
import { currentUpstreamSpan } from '../../tracing/upstreamSpan';
import type { UpstreamCall } from '../upstreamCall';

export interface AttemptTracing {
  tracer: Tracer;
  propagator: TextMapPropagator;
}

export async function traceHttpAttempt<T extends { status: number }>(
  tracing: AttemptTracing | undefined,
  call: UpstreamCall,
  host: string,
  attempt: (traceHeaders: Record<string, string> | undefined) => Promise<T>,
): Promise<T> {
  if (!tracing || !currentUpstreamSpan()) return attempt(undefined);
  const span = tracing.tracer.startSpan(`${call.method} ${call.api}`, { kind: SpanKind.CLIENT });
  if (span.isRecording()) {
    span.setAttribute(ATTR_HTTP_REQUEST_METHOD, call.method);
    span.setAttribute(ATTR_SERVER_ADDRESS, host);
    span.setAttribute(UPSTREAM_API, call.api);
  }
  const headers: Record<string, string> = {};
  tracing.propagator.inject(trace.setSpan(context.active(), span), headers, {
    set: (carrier, key, value) => (carrier[key] = value),
  });
  try {
    const response = await attempt(headers);
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
    if (response.status >= 400) {
      span.setAttribute(ATTR_ERROR_TYPE, String(response.status));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    return response;
  } catch (error) {
    recordSpanFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}
