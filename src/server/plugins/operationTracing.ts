/**
 * One span per GraphQL operation when tracing is on, a child of the client's trace (W3C `traceparent`, read
 * at the HTTP entry by `runInOperationScope`). Named and described by OpenTelemetry's GraphQL conventions
 * (`query ImageDashboard`, `graphql.operation.name`, `graphql.operation.type`), with the error codes of
 * the response and its HTTP status. The document and its variables are never recorded: they may carry
 * values the client considers private.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import {
  GATEWAY_REQUEST_ID,
  GRAPHQL_ERROR_CODES,
  GRAPHQL_OPERATION_NAME,
  GRAPHQL_OPERATION_TYPE,
  RESPONSE_CACHE_HIT,
} from '../../tracing/attributes';
import { currentOperationSlot } from '../../tracing/operationScope';
import { currentUpstreamCallTally } from '../../upstream/transport/callTally';

interface TracedContext extends BaseContext {
  requestId: string;
}

/** The conventions' name for an operation not yet (or never) parsed. */
const UNNAMED = 'GraphQL Operation';

export function operationTracingPlugin<TContext extends TracedContext>(
  tracer: Tracer,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const slot = currentOperationSlot();
      if (!slot) return;
      // The active context is the client's trace, extracted at the HTTP entry.
      const span = tracer.startSpan(UNNAMED, { kind: SpanKind.SERVER });
      slot.span = span;
      if (!span.isRecording()) return;
      span.setAttribute(GATEWAY_REQUEST_ID, contextValue.requestId);
      const tally = currentUpstreamCallTally();
      return {
        async didResolveOperation({ operationName, operation }) {
          const type = operation?.operation;
          if (!type) return;
          span.setAttribute(GRAPHQL_OPERATION_TYPE, type);
          if (operationName) span.setAttribute(GRAPHQL_OPERATION_NAME, operationName);
          span.updateName(operationName ? `${type} ${operationName}` : type);
        },
        async willSendResponse({ response }) {
          span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.http.status ?? 200);
          if (tally?.fromResponseCache) span.setAttribute(RESPONSE_CACHE_HIT, true);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          if (errors.length > 0) {
            const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
            span.setAttribute(GRAPHQL_ERROR_CODES, codes);
            span.setAttribute(ATTR_ERROR_TYPE, codes[0]!);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
          }
          span.end();
        },
      };
    },
  };
}
