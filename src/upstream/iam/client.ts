/**
 * IAM (Keystone v3) calls the gateway needs: a project-scoped token from password credentials, and the
 * project list by name. They go straight to undici (no quota pipeline: the token is what the pipeline
 * needs), but share the pools and are counted in the request metrics.
 */
import type { IamCredentials } from '../../config/config';
import { UpstreamError } from '../../errors/upstreamError';
import { parseErrorBody } from '../transport/errorBody';
import { exchange, headerValue, type RawResponse } from '../transport/exchange';
import { parseJsonBody } from '../transport/jsonBody';
import type { UpstreamMetrics } from '../metrics';
import { parseBaseUrl, type OriginPools } from '../transport/pools';
import { encodeQuery } from '../transport/query';
import { upstreamResponseError } from '../transport/responseError';
import { parseResponse } from '../shape';
import { parseProjectsBody, parseTokenBody, type ParsedToken } from './parse';
import type { IamProject, PasswordTokenRequest } from './types';

export type TokenScope = { projectId: string } | { projectName: string };

export interface IssuedToken extends ParsedToken {
  /** The `X-Subject-Token` header. Never logged, never put in an error. */
  value: string;
}

export interface IamClient {
  createToken(credentials: IamCredentials, scope: TokenScope, signal?: AbortSignal): Promise<IssuedToken>;
  listProjects(name: string, token: string, signal?: AbortSignal): Promise<Pick<IamProject, 'id' | 'name'>[]>;
}

export interface IamClientOptions {
  endpoint: string;
  pools: OriginPools;
  timeouts: { headersMs: number; bodyMs: number };
  metrics?: Pick<UpstreamMetrics, 'requests' | 'requestDuration'>;
  maxResponseBytes?: number;
}

const CREATE_TOKEN = 'iam.createToken';
const LIST_PROJECTS = 'iam.listProjects';

export function createIamClient(options: IamClientOptions): IamClient {
  const { origin, pathPrefix } = parseBaseUrl(options.endpoint);
  const maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;

  const send = (
    api: string,
    request: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string },
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> =>
    exchange(
      options.pools.get(origin),
      {
        ...request,
        path: `${pathPrefix}${request.path}`,
        headers: {
          'content-type': 'application/json;charset=utf8',
          accept: 'application/json',
          ...request.headers,
        },
        ...(signal && { signal }),
        headersTimeoutMs: options.timeouts.headersMs,
        bodyTimeoutMs: options.timeouts.bodyMs,
        maxResponseBytes,
      },
      { service: 'iam', api, ...(options.metrics && { metrics: options.metrics }) },
    );

  const failIfError = (api: string, response: RawResponse, secrets: (string | undefined)[]): void => {
    if (response.status >= 200 && response.status < 300) return;
    throw upstreamResponseError({ service: 'iam', api }, response, parseErrorBody(response.body), secrets);
  };

  return {
    async createToken(credentials, scope, signal) {
      const request: PasswordTokenRequest = {
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: credentials.user,
                password: credentials.password,
                domain: { name: credentials.domain },
              },
            },
          },
          scope: { project: 'projectId' in scope ? { id: scope.projectId } : { name: scope.projectName } },
        },
      };
      const response = await send(
        CREATE_TOKEN,
        {
          method: 'POST',
          path: `/v3/auth/tokens${encodeQuery({ nocatalog: 'true' })}`,
          headers: {},
          body: JSON.stringify(request),
        },
        signal,
      );
      // IAM's messages may name the project ("project … is frozen"): never let its id reach a log.
      failIfError(CREATE_TOKEN, response, [
        credentials.password,
        'projectId' in scope ? scope.projectId : undefined,
      ]);
      const value = headerValue(response.headers, 'x-subject-token');
      const target = {
        service: 'iam' as const,
        api: CREATE_TOKEN,
        status: response.status,
        ...(response.requestId && { requestId: response.requestId }),
      };
      if (!value) {
        throw new UpstreamError(
          'UPSTREAM_BAD_RESPONSE',
          'IAM issued no token (X-Subject-Token header missing)',
          target,
        );
      }
      const token = parseResponse(target, () => parseTokenBody(parseJsonBody(target, response)));
      return { ...token, value };
    },

    async listProjects(name, token, signal) {
      const response = await send(
        LIST_PROJECTS,
        { method: 'GET', path: `/v3/projects${encodeQuery({ name })}`, headers: { 'x-auth-token': token } },
        signal,
      );
      failIfError(LIST_PROJECTS, response, [token]);
      const target = {
        service: 'iam' as const,
        api: LIST_PROJECTS,
        status: response.status,
        ...(response.requestId && { requestId: response.requestId }),
      };
      return parseResponse(target, () => parseProjectsBody(parseJsonBody(target, response)));
    },
  };
}
