import type { UpstreamCall, UpstreamHandler, UpstreamResult } from '../../../src/upstream/upstreamCall';
import { parseResponse } from '../../../src/upstream/shape';

/**
 * A pipeline stand-in that records calls and answers with a fixed result, applying the call's
 * `parseBody` exactly as the HTTP core does (a shape mismatch becomes UPSTREAM_BAD_RESPONSE).
 */
export function fakeHandler(answer: Partial<UpstreamResult> = {}) {
  const calls: UpstreamCall[] = [];
  let result: UpstreamResult = { status: 200, headers: {}, body: undefined, ...answer };
  const handler: UpstreamHandler = async (call) => {
    calls.push(call);
    const { parseBody } = call;
    if (!parseBody) return result;
    const target = {
      service: call.service,
      api: call.api,
      status: result.status,
      ...(result.requestId !== undefined && { requestId: result.requestId }),
    };
    return { ...result, body: parseResponse(target, () => parseBody(result.body, result.headers)) };
  };
  return {
    handler,
    calls,
    answer(next: Partial<UpstreamResult>) {
      result = { status: 200, headers: {}, body: undefined, ...next };
    },
  };
}
