/** Cross-origin access: only GATEWAY_CORS_ORIGINS, preflight answered, no credentials, nothing when unset. */
import { request } from 'undici';
import { loadConfig } from '../../src/config/config';
import { startStack, type Stack } from './harness';

const CONSOLE = 'https://console.example.com';
const QUERY = JSON.stringify({ query: '{ __typename }' });

async function post(stack: Stack, origin: string) {
  const response = await request(stack.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: QUERY,
  });
  await response.body.dump();
  return response;
}

async function preflight(stack: Stack, origin: string) {
  const response = await request(stack.gateway.graphqlUrl, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });
  await response.body.dump();
  return response;
}

describe('with GATEWAY_CORS_ORIGINS set', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { GATEWAY_CORS_ORIGINS: `${CONSOLE}, http://localhost:5173` } });
  });
  afterAll(() => stack.close());

  it('lets an allowed origin read the answer, without credentials', async () => {
    const response = await post(stack, CONSOLE);
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['vary']).toContain('Origin');
    expect(response.headers['access-control-expose-headers']).toContain('x-request-id');
  });

  it('gives a disallowed origin no CORS headers (the browser then refuses)', async () => {
    const response = await post(stack, 'https://evil.example.net');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const denied = await preflight(stack, 'https://evil.example.net');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    expect(denied.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('answers the preflight of an allowed origin with the methods and headers a frontend needs', async () => {
    const response = await preflight(stack, 'http://localhost:5173');
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(String(response.headers['access-control-allow-headers'])).toMatch(/content-type.*authorization/);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('with GATEWAY_CORS_ORIGINS unset', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('allows no origin at all', async () => {
    const response = await post(stack, CONSOLE);
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const denied = await preflight(stack, CONSOLE);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('GATEWAY_CORS_ORIGINS validation', () => {
  it.each(['*', 'console.example.com', 'https://console.example.com/app', 'ftp://files.example.com'])(
    'refuses %s with one line naming the variable',
    (value) => {
      expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: value })).toThrow(/^GATEWAY_CORS_ORIGINS: "/);
    },
  );

  it('reads a list, credentials off unless asked for', () => {
    const config = loadConfig({ GATEWAY_CORS_ORIGINS: `${CONSOLE},http://localhost:5173` });
    expect(config.server.cors).toEqual({ origins: [CONSOLE, 'http://localhost:5173'], credentials: false });
    expect(loadConfig({ GATEWAY_CORS_CREDENTIALS: 'true' }).server.cors.credentials).toBe(true);
  });
});
