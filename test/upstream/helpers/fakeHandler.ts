/** A handler that records the `UpstreamCall`s a client builds and answers with a canned result. */
import type { UpstreamCall, UpstreamHandler, UpstreamResult } from '../../../src/upstream/http/pipeline';

export function fakeHandler(answer: Partial<UpstreamResult> = {}) {
  const calls: UpstreamCall[] = [];
  let result: UpstreamResult = { status: 200, headers: {}, body: undefined, ...answer };
  const handler: UpstreamHandler = async (call) => {
    calls.push(call);
    return result;
  };
  return {
    handler,
    calls,
    answer(next: Partial<UpstreamResult>) {
      result = { status: 200, headers: {}, body: undefined, ...next };
    },
  };
}
