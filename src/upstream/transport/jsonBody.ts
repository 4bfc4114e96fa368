/** Parses a 2xx body as JSON: empty → `undefined`; anything else that is not JSON → `UPSTREAM_BAD_RESPONSE`. */
import type { UpstreamService } from '../../errors/codes';
import { UpstreamError } from '../../errors/upstreamError';
import { SERVICE_LABELS } from '../facts';
import type { RawResponse } from './exchange';

export function parseJsonBody(
  target: { service: UpstreamService; api: string },
  response: Pick<RawResponse, 'status' | 'body' | 'requestId'>,
): unknown {
  const text = response.body.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      `${SERVICE_LABELS[target.service]} returned a response that is not valid JSON`,
      {
        service: target.service,
        api: target.api,
        status: response.status,
        ...(response.requestId !== undefined && { requestId: response.requestId }),
      },
      { cause },
    );
  }
}
