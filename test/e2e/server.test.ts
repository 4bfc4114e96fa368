/** The HTTP surface around GraphQL: health, readiness, metrics, request ids, API keys, deadlines, start-up. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';
import { errorCodes, startStack, type Stack } from './harness';

const PRODUCTS = '{ productImages(first: 3) { totalCount } }';

describe('with API keys and a short deadline', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: { GATEWAY_API_KEYS: 'key-one,key-two', GATEWAY_REQUEST_TIMEOUT_MS: '300' },
    });
  });
  afterAll(() => stack.close());

  it('refuses a request without a valid key with UNAUTHENTICATED, before any upstream call', async () => {
    stack.resetCalls();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'key-one' },
    ];
    for (const headers of attempts) {
      const response = await stack.query(PRODUCTS, {}, headers);
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
    expect(stack.calls()).toEqual({});
    const accepted = await stack.query(PRODUCTS, {}, { authorization: 'Bearer key-two' });
    expect(accepted.body.errors).toBeUndefined();
  });

  it('answers UPSTREAM_TIMEOUT on the fields still waiting when the request deadline passes', async () => {
    stack.simulator.control.injectFault('workspace.listProductImages', { kind: 'hang' });
    try {
      const response = await stack.query(
        '{ productImages(first: 4) { totalCount } containerImages(first: 1) { totalCount } }',
        {},
        { authorization: 'Bearer key-one' },
      );
      expect(response.status).toBe(200);
      expect(errorCodes(response)).toEqual(['UPSTREAM_TIMEOUT']);
      expect(response.body.errors![0]!.path).toEqual(['productImages']);
    } finally {
      stack.simulator.control.clearFaults();
    }
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await stack.query(
      PRODUCTS,
      {},
      { authorization: 'Bearer key-one', 'x-request-id': 'trace-42' },
    );
    expect(given.headers['x-request-id']).toBe('trace-42');
    const odd = await stack.query(
      PRODUCTS,
      {},
      { authorization: 'Bearer key-one', 'x-request-id': 'not a sane id!' },
    );
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves health, readiness and Prometheus metrics with upstream call counts', async () => {
    const health = await request(`${stack.gateway.url}/health`);
    expect(health.statusCode).toBe(200);
    expect(await health.body.json()).toEqual({ status: 'ok' });
    const ready = await request(`${stack.gateway.url}/ready`);
    expect(ready.statusCode).toBe(200);
    await ready.body.dump();
    const metrics = await request(`${stack.gateway.url}/metrics`, {
      headers: { authorization: 'Bearer key-one' },
    });
    const text = await metrics.body.text();
    expect(text).toMatch(
      /gateway_upstream_requests_total\{service="workspace",api="workspace.listProductImages",outcome="2xx"\} \d+/,
    );
    expect(text).toMatch(/gateway_operation_duration_seconds_count\{operation="anonymous"\} \d+/);
    const missing = await request(`${stack.gateway.url}/nope`);
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
  });
});

describe('embedded simulator mode (no credentials)', () => {
  it('starts its own simulator from the entry point, serves the graph, and says so in one log line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../src/main.ts')], {
      env: {
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'info',
        HWC_IAM_DOMAIN: '',
        HWC_IAM_USER: '',
        HWC_IAM_PASSWORD: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines: string[] = [];
      const graphqlUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line: ${lines.join('\n')}`)), 30_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          lines.push(...chunk.split('\n').filter(Boolean));
          const listening = lines
            .map((line) => JSON.parse(line) as { graphql?: string })
            .find((l) => l.graphql);
          if (listening?.graphql) {
            clearTimeout(timer);
            resolve(listening.graphql);
          }
        });
      });
      expect(lines.filter((line) => line.includes('embedded Huawei Cloud simulator'))).toHaveLength(1);
      const response = await request(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ containerImages(first: 2) { totalCount nodes { reference } } }' }),
      });
      const body = (await response.body.json()) as { data: { containerImages: { totalCount: number } } };
      expect(body.data.containerImages.totalCount).toBe(300);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('start-up', () => {
  it('stops with one line naming a bad variable and exit code 78', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../../src/main.ts')],
      { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 20_000 },
    );
    expect(result.status).toBe(78);
    expect(result.stderr.trim()).toBe('configuration error: PORT: must be an integer, got "eighty"');
  });
});
