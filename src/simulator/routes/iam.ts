/** IAM (Keystone v3): password tokens and the project list, per docs/huawei-cloud-apis.md §C1. */
import { iamError } from '../errors';
import { microsecondUtc } from '../data/time';
import { hexFor, hashString } from '../data/prng';
import type { IamProject, IamTokenResponse } from '../../upstream/iam/types';
import type { RouteContext, RouteDefinition, RouteResult } from './types';

function badBody(message: string): never {
  throw iamError(400, 'IAM.0011', `The request body is invalid: ${message}`, 'Bad Request');
}

function field(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    badBody(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') badBody(`${path} must be a non-empty string`);
  return value;
}

interface PasswordRequest {
  user: string;
  password: string;
  domain: string;
  project: { name?: string; id?: string };
}

function parsePasswordRequest(body: string): PasswordRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    badBody('not JSON');
  }
  const auth = field(field(parsed, 'body').auth, 'auth');
  const identity = field(auth.identity, 'auth.identity');
  const methods = identity.methods;
  if (!Array.isArray(methods) || !methods.includes('password'))
    badBody('auth.identity.methods must contain "password"');
  const user = field(field(identity.password, 'auth.identity.password').user, 'auth.identity.password.user');
  const domain = field(user.domain, 'auth.identity.password.user.domain');
  const scope = field(auth.scope, 'auth.scope');
  if (scope.project === undefined) badBody('only project scope (auth.scope.project) is supported');
  const project = field(scope.project, 'auth.scope.project');
  if (project.name === undefined && project.id === undefined)
    badBody('auth.scope.project needs a name or an id');
  return {
    user: text(user.name, 'user.name'),
    password: text(user.password, 'user.password'),
    domain: text(domain.name, 'user.domain.name'),
    project: {
      name: project.name === undefined ? undefined : text(project.name, 'auth.scope.project.name'),
      id: project.id === undefined ? undefined : text(project.id, 'auth.scope.project.id'),
    },
  };
}

function catalog(context: RouteContext): unknown[] {
  const { region, projectId } = context.identity;
  const entry = (type: string, path: string) => ({
    type,
    id: hexFor(4, hashString(`${projectId}:${type}`)),
    name: type,
    endpoints: [
      {
        url: `${context.baseUrl}${path}`,
        region,
        region_id: region,
        interface: 'public',
        id: hexFor(4, hashString(`${projectId}:${type}:endpoint`)),
      },
    ],
  });
  return [
    entry('identity', '/v3'),
    entry('hss', `/v5/${projectId}`),
    entry('swr', '/v2'),
    entry('workspace', `/v2/${projectId}`),
  ];
}

function createToken(context: RouteContext): RouteResult {
  const request = parsePasswordRequest(context.body);
  const { credentials, region, projectId, domainId, userId } = context.identity;
  if (
    request.user !== credentials.user ||
    request.password !== credentials.password ||
    request.domain !== credentials.domain
  ) {
    throw iamError(401, 'IAM.0002', 'The username or password is wrong.', 'Unauthorized');
  }
  const scopeMatches =
    (request.project.name === undefined || request.project.name === region) &&
    (request.project.id === undefined || request.project.id === projectId);
  if (!scopeMatches)
    throw iamError(401, 'IAM.0004', 'The project does not exist or is not accessible.', 'Unauthorized');
  const { token, record } = context.tokens.issue({
    userId,
    userName: credentials.user,
    domainId,
    domainName: credentials.domain,
    projectId,
    projectName: region,
  });
  const nocatalog = context.query.get('nocatalog');
  const body: IamTokenResponse = {
    token: {
      expires_at: microsecondUtc(record.expiresAt),
      issued_at: microsecondUtc(record.issuedAt),
      methods: ['password'],
      catalog: nocatalog ? [] : catalog(context),
      project: { name: region, id: projectId, domain: { name: credentials.domain, id: domainId } },
      roles: [
        { name: 'te_admin', id: hexFor(4, hashString(`${domainId}:te_admin`)) },
        { name: 'op_service', id: hexFor(4, hashString(`${domainId}:op_service`)) },
      ],
      user: {
        name: credentials.user,
        id: userId,
        password_expires_at: '',
        domain: { name: credentials.domain, id: domainId },
      },
    },
  };
  return { status: 201, body, headers: { 'X-Subject-Token': token } };
}

function listProjects(context: RouteContext): RouteResult {
  const { region, projectId, domainId } = context.identity;
  const project = (id: string, name: string): IamProject => ({
    id,
    name,
    domain_id: domainId,
    enabled: true,
    parent_id: domainId,
    is_domain: false,
    description: '',
  });
  const all = [
    project(projectId, region),
    project(hexFor(4, hashString(`${projectId}:dev`)), `${region}_dev`),
  ];
  const name = context.query.get('name');
  return {
    status: 200,
    body: {
      projects: name === null ? all : all.filter((p) => p.name === name),
      links: { self: `${context.baseUrl}/v3/projects` },
    },
  };
}

export const iamRoutes: RouteDefinition[] = [
  {
    id: 'iam.createToken',
    method: 'POST',
    path: '/v3/auth/tokens',
    service: 'iam',
    auth: 'none',
    rateLimited: false,
    readsBody: true,
    handle: createToken,
  },
  {
    id: 'iam.listProjects',
    method: 'GET',
    path: '/v3/projects',
    service: 'iam',
    auth: 'token',
    rateLimited: false,
    readsBody: false,
    handle: listProjects,
  },
];
