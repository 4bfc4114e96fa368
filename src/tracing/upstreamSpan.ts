/**
 * The span of the upstream call being made, kept in the active OpenTelemetry context by `useTracing`, so
 * the middlewares inside it (cache, coalescing, breaker, retry, quota) say what they did with one line each.
 *
 * Tracing off (no gateway in this process traces), an annotation is one boolean test: callers pass plain
 * values, never an object built for the call, so nothing is allocated on the hot path either.
 */
import { context, createContextKey, type AttributeValue, type Context, type Span } from '@opentelemetry/api';

const UPSTREAM_SPAN = createContextKey('hwc-gateway.upstream-call-span');

/** Set for good by the first gateway of the process that starts tracing. */
let tracingStarted = false;

export function startUpstreamAnnotations(): void {
  tracingStarted = true;
}

/** `parent` with `span` as the current upstream call. */
export function withUpstreamSpan(parent: Context, span: Span): Context {
  return parent.setValue(UPSTREAM_SPAN, span);
}

/** The current upstream call's span (recording or not), or undefined: tracing off, or outside a call. */
export function currentUpstreamSpan(): Span | undefined {
  if (!tracingStarted) return undefined;
  return context.active().getValue(UPSTREAM_SPAN) as Span | undefined;
}

/** The current upstream call's span if it records (not when its trace is not sampled, or it has ended). */
export function recordingUpstreamSpan(): Span | undefined {
  const span = currentUpstreamSpan();
  return span?.isRecording() ? span : undefined;
}

/** Sets one attribute on the current upstream call's span, if one is recording. */
export function annotateUpstreamCall(key: string, value: AttributeValue): void {
  recordingUpstreamSpan()?.setAttribute(key, value);
}
