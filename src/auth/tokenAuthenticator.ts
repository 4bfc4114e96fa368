/** IAM password credentials: every request carries the held IAM token as `X-Auth-Token`. */
import type { Authentication, RequestAuthenticator } from './requestAuthenticator';
import type { TokenProvider } from './tokenProvider';

export function createTokenAuthenticator(
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'> & Partial<Pick<TokenProvider, 'tokenNow'>>,
  password?: string,
): RequestAuthenticator {
  const carrying = (token: string): Authentication => ({
    headers: { 'x-auth-token': token },
    secrets: [token],
    renew() {
      // Only drops the token if it is still the current one: N concurrent 401s cost one IAM call.
      tokens.invalidate(token);
      return true;
    },
  });
  return {
    async authenticate(_request, signal) {
      return carrying(await tokens.getToken(signal));
    },
    authenticateNow() {
      const token = tokens.tokenNow?.();
      return token === undefined ? undefined : carrying(token);
    },
    secrets: () => (password === undefined ? [] : [password]),
    async warmUp() {
      await tokens.getToken();
    },
  };
}
