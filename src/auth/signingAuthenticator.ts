/**
 * Access key credentials: every request is signed (SDK-HMAC-SHA256) with a fresh `X-Sdk-Date`, as the
 * Huawei SDKs do. Project-scoped services (everything but IAM) also get `X-Project-Id`, added before
 * signing; temporary credentials add `X-Security-Token`. Nothing is cached, so nothing can go stale:
 * a refused signature is final (no renewal), and a retry is simply signed again.
 */
import type { AccessKeyCredentials } from '../config/credentials';
import type { ProjectIdLookup } from '../upstream/projectIdInput';
import type { Authentication, OutgoingRequest, RequestAuthenticator } from './requestAuthenticator';
import { formatSdkDate, signRequest } from './signer';

export interface SigningAuthenticatorOptions {
  credentials: AccessKeyCredentials;
  /** The project id for `X-Project-Id`; only asked for project-scoped services. */
  projectId: ProjectIdLookup;
  clock?: () => number;
}

export function createSigningAuthenticator(options: SigningAuthenticatorOptions): RequestAuthenticator {
  const { credentials } = options;
  const clock = options.clock ?? Date.now;
  /** `projectId`: for project-scoped services only. */
  const sign = (request: OutgoingRequest, projectId: string | undefined): Authentication => {
    const added: Record<string, string> = {};
    if (projectId !== undefined) added['x-project-id'] = projectId;
    if (credentials.securityToken !== undefined) added['x-security-token'] = credentials.securityToken;
    // Taken once the project id is known: that may have cost an IAM call.
    added['x-sdk-date'] = formatSdkDate(new Date(clock()));
    const { authorization } = signRequest(
      {
        method: request.method,
        path: request.path,
        query: request.query,
        // Host is signed (as the Python and Node SDKs do) but sent by the HTTP client itself.
        headers: { ...request.headers, ...added, host: request.host },
        body: request.body,
      },
      credentials,
    );
    return { headers: { ...added, authorization }, secrets: [], renew: () => false };
  };
  return {
    async authenticate(request, signal) {
      return sign(request, request.service === 'iam' ? undefined : await options.projectId(signal));
    },
    authenticateNow(request) {
      if (request.service === 'iam') return sign(request, undefined);
      const projectId = options.projectId.known?.();
      return projectId === undefined ? undefined : sign(request, projectId);
    },
    secrets: () =>
      credentials.securityToken === undefined
        ? [credentials.secretKey]
        : [credentials.secretKey, credentials.securityToken],
    async warmUp() {
      await options.projectId();
    },
  };
}
