/**
 * The central IAM token, end to end: fetched once for a burst of cold requests, renewed before expiry,
 * renewed once on a 401 mid-flight, and wrong credentials reported as UPSTREAM_AUTH_FAILED — never a
 * crash, and never the password in a response or a log line. Always with the password (the token flow),
 * whatever E2E_CREDENTIAL says.
 */
import { request } from 'undici';
import { errorCodes, operation, startStack, type Stack } from './harness';

const PRODUCTS = `{ productImages(first: 5) { totalCount nodes { imageId } } }`;
/** A distinct page each time, so the list cache cannot answer it and an upstream call (with a token) is made. */
const productsPage = (first: number) => `{ productImages(first: ${first}) { totalCount nodes { imageId } } }`;

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

it('fetches one token for 100 concurrent cold requests (and the fetch the gateway starts at boot)', async () => {
  stack = await startStack({ credential: 'password', waitForToken: false });
  const started = stack;
  const responses = await Promise.all(Array.from({ length: 100 }, () => started.query(PRODUCTS)));
  for (const response of responses) expect(response.body.errors).toBeUndefined();
  expect(started.calls()['iam.createToken']).toBe(1);
});

it('renews the token ahead of its expiry without a failed call', async () => {
  // 2 s tokens: the provider refreshes ahead in proportion (a quarter of the lifetime) rather than an hour.
  stack = await startStack({ credential: 'password', simulator: { tokenTtlMs: 2_000 } });
  expect((await stack.query(productsPage(1))).body.errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 1_700));
  expect((await stack.query(productsPage(2))).body.errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 600)); // the first token has now expired
  const afterExpiry = await stack.query(productsPage(3));
  expect(afterExpiry.body.errors).toBeUndefined();
  expect(stack.calls()['iam.createToken']).toBe(2);
  // Every Workspace call succeeded first time: none was refused for an expired token.
  expect(stack.calls()['workspace.listProductImages']).toBe(3);
});

it('renews the token and retries once when a call is refused mid-flight (401 APIGW.0307)', async () => {
  stack = await startStack({ credential: 'password' });
  expect((await stack.query(productsPage(1))).body.errors).toBeUndefined();
  stack.simulator.control.revokeTokens();
  stack.resetCalls();
  const response = await stack.query(productsPage(2));
  expect(response.body.errors).toBeUndefined();
  expect(stack.calls()).toEqual({ 'iam.createToken': 1, 'workspace.listProductImages': 2 });
});

it('reports wrong credentials as UPSTREAM_AUTH_FAILED on the affected fields and keeps serving', async () => {
  const logLines: string[] = [];
  stack = await startStack({
    credential: 'password',
    env: { HWC_IAM_PASSWORD: 'definitely-wrong-secret' },
    logLines,
  });
  const response = await stack.query(operation('ImageDashboard'), { first: 5 });
  expect(response.status).toBe(200);
  expect(response.body.data).toBeNull(); // containerImages is non-null: its failure nulls the data
  expect(errorCodes(response)).toEqual(['UPSTREAM_AUTH_FAILED']);
  expect(response.body.errors![0]!.extensions!.upstream).toMatchObject({ service: 'iam' });

  const everything = JSON.stringify(response.body) + logLines.join('\n');
  expect(everything).not.toContain('definitely-wrong-secret');
  expect(everything).not.toContain(stack.simulator.projectId);

  // The process stays up and healthy.
  const health = await request(`${stack.gateway.url}/health`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
});

it('never puts the token or the password in a response or a log line', async () => {
  const logLines: string[] = [];
  stack = await startStack({ credential: 'password', logLines });
  const response = await stack.query(operation('ImageDashboard'), { first: 5 });
  expect(response.body.errors).toBeUndefined();
  const token = await stack.gateway.upstream.tokenProvider!.getToken();
  const everything = JSON.stringify(response) + logLines.join('\n');
  expect(logLines.length).toBeGreaterThan(0);
  expect(everything).not.toContain(token);
  expect(everything).not.toContain(stack.simulator.credentials.password);
});
