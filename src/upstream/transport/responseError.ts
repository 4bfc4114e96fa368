/** Builds the `UpstreamError` for a non-2xx answer: classified code, client-safe message, redacted details. */
import type { UpstreamService } from '../../errors/codes';
import { UpstreamError } from '../../errors/upstreamError';
import { classifyUpstreamFailure, isThrottled } from './classify';
import type { ParsedErrorBody } from './errorBody';
import { SERVICE_LABELS } from '../facts';
import { headerValue, type RawResponse } from './exchange';
import { redactSecrets } from './redact';

/** Upstream messages are kept for logs and extensions; a runaway one is cut. */
const MAX_ERROR_MESSAGE_CHARS = 512;
/** Codes are short tokens like `HSS.0011`; anything else in that field is not trusted into a message. */
const PLAUSIBLE_ERROR_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

export function upstreamResponseError(
  target: { service: UpstreamService; api: string },
  response: Pick<RawResponse, 'status' | 'headers' | 'requestId'>,
  parsed: ParsedErrorBody,
  secrets: Iterable<string | undefined>,
): UpstreamError {
  const { status } = response;
  // As the SDKs do: no readable code means the status is the code.
  const errorCode =
    parsed.errorCode !== undefined && PLAUSIBLE_ERROR_CODE.test(parsed.errorCode)
      ? parsed.errorCode
      : String(status);
  const errorMessage =
    parsed.errorMessage === undefined
      ? undefined
      : redactSecrets(parsed.errorMessage, secrets).slice(0, MAX_ERROR_MESSAGE_CHARS);
  const retryAfter = headerValue(response.headers, 'retry-after');
  const { code, retryAfterMs } = classifyUpstreamFailure({
    service: target.service,
    status,
    errorCode,
    ...(errorMessage !== undefined && { errorMessage }),
    ...(retryAfter !== undefined && { retryAfter }),
  });
  const requestId = response.requestId ?? parsed.requestId;
  return new UpstreamError(
    code,
    `${SERVICE_LABELS[target.service]} request failed: ${errorCode} (status ${status})`,
    {
      service: target.service,
      api: target.api,
      status,
      errorCode,
      ...(errorMessage !== undefined && { errorMessage }),
      ...(requestId !== undefined && { requestId }),
      ...(isThrottled(status, errorCode) && retryAfterMs !== undefined && { retryAfterMs }),
    },
  );
}
