/** Shared helpers for the simulator contract tests: start a simulator, get a token, call it over HTTP. */
import { request } from 'undici';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- contract tests inspect arbitrary JSON
  json: any;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT';
  token?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  timeoutMs?: number;
}

export async function call(
  sim: RunningSimulator,
  path: string,
  options: CallOptions = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers['x-auth-token'] = options.token;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await request(`${sim.url}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    headersTimeout: options.timeoutMs ?? 10_000,
    bodyTimeout: options.timeoutMs ?? 10_000,
  });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

export function passwordBody(
  sim: RunningSimulator,
  overrides: { password?: string; project?: object } = {},
): object {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: sim.credentials.user,
            password: overrides.password ?? sim.credentials.password,
            domain: { name: sim.credentials.domain },
          },
        },
      },
      scope: { project: overrides.project ?? { name: sim.region } },
    },
  };
}

export async function getToken(sim: RunningSimulator): Promise<string> {
  const answer = await call(sim, '/v3/auth/tokens?nocatalog=true', { body: passwordBody(sim) });
  if (answer.status !== 201) throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return answer.headers['x-subject-token'] as string;
}

/** A started simulator plus a token, for `beforeAll`. */
export async function startWithToken(
  options: SimulatorOptions = {},
): Promise<{ sim: RunningSimulator; token: string }> {
  const sim = await startSimulator(options);
  return { sim, token: await getToken(sim) };
}

export function hss(sim: RunningSimulator, path: string): string {
  return `/v5/${sim.projectId}${path}`;
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

/** Query string from a record (values URL-encoded; undefined ones left out). */
export function qs(params: QueryParams): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) pairs.push([key, String(value)]);
  return `?${new URLSearchParams(pairs).toString()}`;
}

export const REQUEST_ID = /^[0-9a-f]{32}$/;
