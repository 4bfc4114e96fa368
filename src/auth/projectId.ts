/**
 * The project id in HSS and Workspace paths (and `X-Project-Id` of AK/SK-signed calls). Configured, or
 * else taken from the token's `project.id` (the token is scoped to the region's project anyway), or else
 * looked up by region name via `GET /v3/projects?name=`, authenticated with the token or signed with the
 * access key as the Huawei SDKs do; it must match exactly one project. Resolved lazily, once.
 */
import { UpstreamError } from '../errors/upstreamError';
import { raceAbort } from '../upstream/transport/abortable';
import type { IamClient } from '../upstream/iam/client';
import type { RequestAuthenticator } from './requestAuthenticator';
import type { TokenProvider } from './tokenProvider';

export interface ProjectIdSource {
  (signal?: AbortSignal): Promise<string>;
  /** The id once known (for redaction); never triggers a lookup. */
  known(): string | undefined;
}

export interface ProjectIdResolverOptions {
  configured?: string;
  region: string;
  /** Password credentials: the token may name its project, sparing the lookup. */
  tokens?: Pick<TokenProvider, 'getProjectId'>;
  /** Authenticates the lookup (IAM calls never need the project id, so this cannot loop). */
  authenticator: Pick<RequestAuthenticator, 'authenticate' | 'secrets'>;
  iam: Pick<IamClient, 'listProjects'>;
}

export function createProjectIdSource(options: ProjectIdResolverOptions): ProjectIdSource {
  let resolved = options.configured;
  let inflight: Promise<string> | undefined;

  const resolve = async (): Promise<string> => {
    const fromToken = await options.tokens?.getProjectId();
    if (fromToken) return fromToken;
    const matches = (await options.iam.listProjects(options.region, options.authenticator)).filter(
      (project) => project.name === options.region,
    );
    if (matches.length !== 1) {
      const problem = matches.length === 0 ? 'no project' : `${matches.length} projects`;
      throw new UpstreamError(
        matches.length === 0 ? 'UPSTREAM_AUTH_FAILED' : 'UPSTREAM_BAD_RESPONSE',
        `IAM has ${problem} named "${options.region}" for this account; set HWC_PROJECT_ID`,
        { service: 'iam', api: 'iam.listProjects' },
      );
    }
    return matches[0]!.id;
  };

  const source = (signal?: AbortSignal): Promise<string> => {
    if (resolved !== undefined) return Promise.resolve(resolved);
    // Shared by concurrent callers; a failure is not kept, so the next call tries again.
    inflight ??= resolve().then(
      (id) => {
        resolved = id;
        inflight = undefined;
        return id;
      },
      (error: unknown) => {
        inflight = undefined;
        throw error;
      },
    );
    return raceAbort(inflight, signal);
  };
  return Object.assign(source, { known: () => resolved });
}
