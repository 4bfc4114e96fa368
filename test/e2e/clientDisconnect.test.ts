/**
 * A client that goes away mid-request cancels its upstream work; that is counted as a cancellation
 * (CLIENT_CLOSED_REQUEST), not as an internal error, in the metrics and the operation log.
 */
import { request } from 'undici';
import { startStack, type Stack } from './harness';
import { metricSum, waitUntil } from './support/observe';

describe('a client that disconnects mid-request', () => {
  let stack: Stack;
  const logLines: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ logLines });
  });
  afterAll(() => stack.close());

  it('is counted as CLIENT_CLOSED_REQUEST, not INTERNAL_SERVER_ERROR', async () => {
    stack.simulator.control.injectFault('workspace.listProductImages', { kind: 'hang' });
    try {
      const controller = new AbortController();
      const pending = request(stack.gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ productImages(first: 2) { totalCount } }' }),
        signal: controller.signal,
      });
      await waitUntil('the upstream call is made', () => stack.simulator.control.totalCalls('workspace') > 0);
      controller.abort();
      await expect(pending).rejects.toThrow();

      const count = (code: string) => metricSum(stack.gateway, 'gateway_operation_errors_total', { code });
      await waitUntil('the operation is counted', async () => (await count('CLIENT_CLOSED_REQUEST')) > 0);
      expect(await count('INTERNAL_SERVER_ERROR')).toBe(0);

      const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const operation = entries.find((entry) => entry['msg'] === 'graphql operation');
      expect(operation?.['errorCodes']).toEqual({ CLIENT_CLOSED_REQUEST: 1 });
      expect(entries.filter((entry) => Number(entry['level']) >= 50)).toEqual([]);
    } finally {
      stack.simulator.control.clearFaults();
    }
  });
});
