import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { isUpstreamError } from '../errors/upstreamError';
import { isAbortError } from '../upstream/transport/abortable';

/**
 * Marks `span` failed with the error's stable code (`error.type`) and, for an upstream response, its HTTP
 * status. The status message is an `UpstreamError`'s message, which is written to be safe for clients (no
 * URL, project id or secret); any other error contributes only its name.
 */
export function recordSpanFailure(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  if (isUpstreamError(error)) {
    span.setAttribute(ATTR_ERROR_TYPE, error.code);
    if (error.details.status !== undefined)
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, error.details.status);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    return;
  }
  const type = isAbortError(error) ? 'cancelled' : error instanceof Error ? error.name : 'unknown';
  span.setAttribute(ATTR_ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR });
}
