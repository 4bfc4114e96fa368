/** IAM password credentials: every request carries the held IAM token as `X-Auth-Token`. */
import type { RequestAuthenticator } from './requestAuthenticator';
import type { TokenProvider } from './tokenProvider';

export function createTokenAuthenticator(
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'>,
  password?: string,
): RequestAuthenticator {
  return {
    async authenticate(_request, signal) {
      const token = await tokens.getToken(signal);
      return {
        headers: { 'x-auth-token': token },
        secrets: [token],
        renew() {
          // Only drops the token if it is still the current one: N concurrent 401s cost one IAM call.
          tokens.invalidate(token);
          return true;
        },
      };
    },
    secrets: () => (password === undefined ? [] : [password]),
    async warmUp() {
      await tokens.getToken();
    },
  };
}
