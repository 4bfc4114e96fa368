/**
 * Carries one GraphQL request's trace from the HTTP entry to the upstream calls it causes. The entry runs the
 * request in a context holding the client's trace (W3C `traceparent`/`tracestate`) and an empty slot; the
 * operation plugin, which knows the operation once Apollo has parsed it, puts its span in the slot; every
 * upstream call made for the request then becomes that span's child (`useTracing`).
 */
import {
  context,
  createContextKey,
  trace,
  type Context,
  type Span,
  type TextMapPropagator,
} from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';

export interface OperationSlot {
  span?: Span;
}

const OPERATION_SLOT = createContextKey('hwc-gateway.graphql-operation');

/** Runs `work` in the client's trace context (from its headers) with an empty operation slot. */
export function runInOperationScope<T>(
  propagator: TextMapPropagator,
  headers: IncomingHttpHeaders,
  work: () => Promise<T>,
): Promise<T> {
  const slot: OperationSlot = {};
  const scope = propagator.extract(context.active(), headers, headerGetter).setValue(OPERATION_SLOT, slot);
  return context.with(scope, async () => {
    try {
      return await work();
    } finally {
      // A request that failed before the plugin's last hook (a body error, an exception) still ends its span.
      if (slot.span?.isRecording()) slot.span.end();
    }
  });
}

/** The slot of the request this code runs for; undefined outside a traced request. */
export function currentOperationSlot(): OperationSlot | undefined {
  return context.active().getValue(OPERATION_SLOT) as OperationSlot | undefined;
}

/** The context new upstream-call spans start in: the operation span's, when there is one. */
export function operationContext(): Context {
  const active = context.active();
  const span = (active.getValue(OPERATION_SLOT) as OperationSlot | undefined)?.span;
  return span ? trace.setSpan(active, span) : active;
}

const headerGetter = {
  keys: (headers: IncomingHttpHeaders) => Object.keys(headers),
  get: (headers: IncomingHttpHeaders, key: string) => headers[key.toLowerCase()],
};
