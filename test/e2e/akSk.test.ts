/**
 * The gateway holding an access key instead of an IAM password, end to end against the simulator (which
 * checks every signature with its own implementation): the same graph for the same upstream calls, a
 * temporary key with its security token, and a wrong secret reported as UPSTREAM_AUTH_FAILED without the
 * secret key or security token in a response or a log line.
 */
import { errorCodes, operation, serviceCalls, startStack, type Stack } from './harness';

interface DashboardData {
  containerImages: { totalCount: number; nodes: { id: string; fileStatistics: unknown }[] };
}

const DASHBOARD = operation('ImageDashboard');

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function coldDashboard(credential: 'password' | 'accessKey') {
  stack = await startStack({ credential });
  stack.resetCalls();
  const response = await stack.query<DashboardData>(DASHBOARD, { first: 20 });
  const calls = stack.calls();
  await stack.close();
  stack = undefined;
  return { response, calls };
}

it('serves ImageDashboard with AK/SK for exactly the upstream calls the password setup makes', async () => {
  const password = await coldDashboard('password');
  const accessKey = await coldDashboard('accessKey');
  expect(accessKey.response.status).toBe(200);
  expect(accessKey.response.body.errors).toBeUndefined();
  expect(accessKey.response.body.data!.containerImages.nodes).toHaveLength(20);
  expect(accessKey.response.body.data).toEqual(password.response.body.data);
  expect(serviceCalls(accessKey.calls)).toEqual(serviceCalls(password.calls));
  // No token was ever asked for: every call was signed.
  expect(accessKey.calls['iam.createToken']).toBeUndefined();
});

it('resolves the project id once through a signed IAM lookup, and caches as with a token', async () => {
  stack = await startStack({ credential: 'accessKey' });
  expect(stack.calls()).toEqual({ 'iam.listProjects': 1 });
  expect(stack.gateway.upstream.tokenProvider).toBeUndefined();
  const first = await stack.query(DASHBOARD, { first: 5 });
  expect(first.body.errors).toBeUndefined();
  stack.resetCalls();
  const warm = await stack.query(DASHBOARD, { first: 5 });
  expect(warm.body).toEqual(first.body);
  expect(serviceCalls(stack.calls())['hss.listRegistryImages']).toBeUndefined();
});

it('serves with a temporary access key and its security token, which never reaches a log line', async () => {
  const logLines: string[] = [];
  stack = await startStack({ credential: 'temporaryAccessKey', logLines });
  const response = await stack.query(DASHBOARD, { first: 5 });
  expect(response.body.errors).toBeUndefined();
  const { temporary } = stack.simulator.accessKeys;
  const everything = JSON.stringify(response) + logLines.join('\n');
  expect(logLines.length).toBeGreaterThan(0);
  expect(everything).not.toContain(temporary.securityToken);
  expect(everything).not.toContain(temporary.secretKey);
});

it('reports a wrong secret key as UPSTREAM_AUTH_FAILED, with no secret in the response or the logs', async () => {
  const logLines: string[] = [];
  const wrongSecret = 'definitely-wrong-secret-key';
  stack = await startStack({ credential: 'accessKey', env: { HWC_SECRET_KEY: wrongSecret }, logLines });
  const response = await stack.query(DASHBOARD, { first: 5 });
  expect(response.status).toBe(200);
  expect(response.body.data).toBeNull();
  expect(errorCodes(response)).toEqual(['UPSTREAM_AUTH_FAILED']);
  // The project lookup is the first signed call: IAM (through the API gateway) refuses the signature.
  expect(response.body.errors![0]!.extensions!.upstream).toMatchObject({
    service: 'iam',
    status: 401,
    errorCode: 'APIGW.0301',
  });
  const everything = JSON.stringify(response) + logLines.join('\n');
  expect(everything).not.toContain(wrongSecret);
  expect(everything).not.toContain(stack.simulator.accessKeys.permanent.secretKey);
});

it('with a configured project id, a refused signature costs one service call: no renewal, no retry', async () => {
  const projectId = '5a0c3f2e9b8d4e71a6c2d0f4b3e9a817';
  stack = await startStack({
    credential: 'accessKey',
    simulator: { projectId },
    env: { HWC_SECRET_KEY: 'another-wrong-secret', HWC_PROJECT_ID: projectId },
  });
  const response = await stack.query(DASHBOARD, { first: 5 });
  expect(errorCodes(response)).toEqual(['UPSTREAM_AUTH_FAILED']);
  expect(response.body.errors![0]!.extensions!.upstream).toMatchObject({
    service: 'hss',
    errorCode: 'APIGW.0301',
  });
  expect(stack.calls()).toEqual({ 'hss.listRegistryImages': 1 });
});
