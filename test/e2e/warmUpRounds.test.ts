/**
 * The warm-up's rounds of reference queries, against a real gateway and simulator: every round reaches the
 * upstream on pages and images the earlier rounds did not see (a round answered from the caches warms
 * nothing), the detail queries get real ids, and mutations are never sent.
 */
import { readReferenceOperations } from '../../src/server/referenceOperations';
import { prepareReferenceQueries, runReferenceQueryRounds } from '../../src/warmUp/referenceQueryRounds';
import { startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { imageCount: 120 } });
});
afterAll(() => stack.close());

it('walks new pages and images each round, every query answered, no mutation sent', async () => {
  const queries = prepareReferenceQueries(readReferenceOperations());
  expect(queries.map((query) => query.name)).not.toContain('StartImageScanTask');
  expect(queries.map((query) => query.name)).not.toContain('ScanImages');

  const perRound: Record<string, number>[] = [];
  stack.resetCalls();
  const outcome = await runReferenceQueryRounds(stack.gateway.graphqlUrl, queries, 3, () => {
    perRound.push(stack.calls());
    stack.resetCalls();
  });
  expect(outcome.failed).toBe(0);
  expect(outcome.requests).toBeGreaterThan(3 * 6);
  expect(perRound).toHaveLength(3);
  for (const calls of perRound) {
    // The dashboard's list and its per-image joins are called again in every round: new page, new images.
    expect(calls['hss.listRegistryImages']).toBeGreaterThan(0);
    expect(calls['hss.showImageFilesStat']).toBeGreaterThan(0);
    expect(calls['hss.batchScanSwrImage'] ?? 0).toBe(0);
  }
});
