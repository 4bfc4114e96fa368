import { setMaxListeners } from 'node:events';
import type { ServerResponse } from 'node:http';

/** The abort reason when a request's overall deadline passes; formatError answers UPSTREAM_TIMEOUT for it. */
export class RequestDeadlineError extends Error {
  override readonly name = 'TimeoutError';
}

/** The abort reason when the client goes away before its response is written. */
export class ClientDisconnectedError extends Error {
  override readonly name = 'AbortError';
}

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
    controller.abort(new RequestDeadlineError(`request deadline of ${deadlineMs} ms passed`));
  }, deadlineMs);
  deadline.unref();
  const onClose = () => {
    if (!response.writableFinished) controller.abort(new ClientDisconnectedError('client disconnected'));
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
