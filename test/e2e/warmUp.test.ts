/**
 * The start-up warm-up readies the request path without touching the upstream: no HSS, SWR or Workspace
 * call, no operation logged or counted, and the documents it ran are then served normally.
 */
import { operation, serviceCalls, startStack, type Stack } from './harness';
import { DASHBOARD, PRIVATE_PAGE, type Dashboard } from './support/dashboard';
import { metricSamples } from './support/observe';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

it('runs the reference queries at start without an upstream call, a log line or a metric sample', async () => {
  const logLines: string[] = [];
  stack = await startStack({
    simulator: { imageCount: 50, seed: 3 },
    env: { GATEWAY_WARM_UP: 'on' },
    logLines,
  });

  expect(serviceCalls(stack.calls())).toEqual({});
  const warmedUp = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(warmedUp.find((line) => line.msg === 'request path warmed up')).toMatchObject({
    operations: expect.any(Number),
  });
  expect((warmedUp.find((line) => line.msg === 'request path warmed up')!.operations as number) > 5).toBe(
    true,
  );
  expect(warmedUp.filter((line) => line.msg === 'graphql operation')).toEqual([]);
  expect(await metricSamples(stack.gateway, 'gateway_operation_errors_total')).toEqual([]);

  // The same documents then run as usual, and only now is anything counted.
  const dashboard = await stack.query<Dashboard>(DASHBOARD, PRIVATE_PAGE);
  expect(dashboard.body.errors).toBeUndefined();
  expect(dashboard.body.data!.containerImages.nodes.length).toBeGreaterThan(0);
  expect(serviceCalls(stack.calls())['hss.listRegistryImages']).toBe(1);
  const products = await stack.query(operation('ProductImages'));
  expect(products.body.errors).toBeUndefined();
  expect(logLines.filter((line) => line.includes('"graphql operation"'))).toHaveLength(2);
});
