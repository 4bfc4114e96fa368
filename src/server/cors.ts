import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsConfig } from '../config/corsConfig';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What browsers may send: JSON bodies, the API key, Apollo's CSRF-prevention headers, a request id. */
const ALLOWED_HEADERS =
  'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id';
const PREFLIGHT_CACHE_SECONDS = '600';

/**
 * Cross-origin access for browser frontends on other origins: only the configured origins, echoed back
 * one at a time (never `*`), credentials only when configured. Returns true when it answered the request
 * (a preflight), false when the request goes on to its route.
 */
export function createCors(
  config: CorsConfig,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const allowed = new Set(config.origins);
  return (request, response) => {
    const origin = request.headers.origin;
    const permitted = origin !== undefined && allowed.has(origin);
    // Caches must not serve one origin's answer to another.
    if (allowed.size > 0) response.setHeader('vary', 'Origin');
    if (permitted) {
      response.setHeader('access-control-allow-origin', origin);
      if (config.credentials) response.setHeader('access-control-allow-credentials', 'true');
    }
    if (request.method !== 'OPTIONS') {
      if (permitted) response.setHeader('access-control-expose-headers', 'x-request-id');
      return false;
    }
    // Any OPTIONS is answered here; a browser refuses the cross-origin call when the allow headers are absent.
    response.setHeader('allow', ALLOWED_METHODS);
    if (permitted && request.headers['access-control-request-method'] !== undefined) {
      response.setHeader('access-control-allow-methods', ALLOWED_METHODS);
      response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      response.setHeader('access-control-max-age', PREFLIGHT_CACHE_SECONDS);
    }
    response.writeHead(204);
    response.end();
    return true;
  };
}
