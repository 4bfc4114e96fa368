import { setMaxListeners } from 'node:events';
import type { ServerResponse } from 'node:http';

/**
 * The abort signal of one client request: fires when the client disconnects before the response is
 * written, or when the overall deadline passes. Upstream work nobody else waits for is then cancelled.
 */
export function requestSignal(
  response: ServerResponse,
  deadlineMs: number,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  // Every upstream call of the operation listens on this signal; dozens per request are expected.
  setMaxListeners(0, controller.signal);
  const deadline = setTimeout(() => {
    controller.abort(new DOMException(`request deadline of ${deadlineMs} ms passed`, 'TimeoutError'));
  }, deadlineMs);
  deadline.unref();
  const onClose = () => {
    if (!response.writableFinished) controller.abort(new DOMException('client disconnected', 'AbortError'));
    clearTimeout(deadline);
  };
  response.once('close', onClose);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(deadline);
      response.off('close', onClose);
    },
  };
}
