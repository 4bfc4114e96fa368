/** Small things at the HTTP edge: request ids everywhere, /metrics behind the API keys, GET queries, redaction. */
import { request } from 'undici';
import { startSimulator } from '../../src/simulator';
import { errorCodes, startStack, type Stack } from './harness';

const KEY = 'metrics-and-graph-key';

describe('with API keys', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { GATEWAY_API_KEYS: KEY } });
  });
  afterAll(() => stack.close());

  it.each(['/health', '/ready', '/metrics', '/no-such-route'])(
    'answers %s with an X-Request-Id',
    async (path) => {
      const made = await request(`${stack.gateway.url}${path}`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      await made.body.dump();
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const echoed = await request(`${stack.gateway.url}${path}`, {
        headers: { authorization: `Bearer ${KEY}`, 'x-request-id': 'probe-7' },
      });
      await echoed.body.dump();
      expect(echoed.headers['x-request-id']).toBe('probe-7');
    },
  );

  it('serves /metrics only with a valid key; probes stay open', async () => {
    const refused = await request(`${stack.gateway.url}/metrics`);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(await refused.body.text()).not.toContain('gateway_');
    const wrong = await request(`${stack.gateway.url}/metrics`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);
    await wrong.body.dump();
    const served = await request(`${stack.gateway.url}/metrics`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(served.statusCode).toBe(200);
    expect(await served.body.text()).toContain('gateway_operation_duration_seconds');
    for (const probe of ['/health', '/ready']) {
      const open = await request(`${stack.gateway.url}${probe}`);
      expect(open.statusCode).toBe(200);
      await open.body.dump();
    }
  });
});

describe('GET /graphql?query=', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const url = () =>
    `${stack.gateway.graphqlUrl}?query=${encodeURIComponent('{ productImages(first: 2) { totalCount } }')}`;

  it('without a CSRF-prevention header: 400 with a one-line message that says which header to send', async () => {
    const response = await request(url());
    expect(response.statusCode).toBe(400);
    const body = (await response.body.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(errorCodes({ body })).toEqual(['BAD_REQUEST']);
    expect(body.errors[0]!.message).toContain('apollo-require-preflight');
    expect(body.errors[0]!.message).not.toContain('\n');
  });

  it("with 'apollo-require-preflight: true' (the README's example): answered", async () => {
    const response = await request(url(), { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.statusCode).toBe(200);
    const body = (await response.body.json()) as { data: { productImages: { totalCount: number } } };
    expect(body.data.productImages.totalCount).toBeGreaterThan(0);
  });
});

describe('IAM errors in the log', () => {
  it('never carry the project id', async () => {
    // The simulator's project id follows from its seed: learn it, then configure the gateway with it.
    const probe = await startSimulator({ imageCount: 300 });
    const projectId = probe.projectId;
    await probe.stop();
    const logLines: string[] = [];
    // The IAM token flow (password credentials), whatever credential the suite runs with.
    const stack = await startStack({
      credential: 'password',
      logLines,
      env: { HWC_PROJECT_ID: projectId },
    });
    try {
      expect(stack.simulator.projectId).toBe(projectId);
      // The token fetched at start is revoked, and IAM refuses the renewal naming the project, as it does
      // for a frozen one.
      stack.simulator.control.revokeTokens();
      stack.simulator.control.injectFault('iam.createToken', {
        kind: 'status',
        status: 401,
        errorCode: 'IAM.0001',
        errorMsg: `The project ${projectId} is frozen or does not exist.`,
      });
      const response = await stack.query('{ productImages(first: 1) { totalCount } }');
      expect(errorCodes(response)).toEqual(['UPSTREAM_AUTH_FAILED']);
      const logged = logLines.join('\n');
      expect(logged).toContain('IAM.0001');
      expect(logged).not.toContain(projectId);
      expect(JSON.stringify(response.body)).not.toContain(projectId);
    } finally {
      await stack.close();
    }
  });
});
