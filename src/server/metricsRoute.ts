import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` for Prometheus. When API keys are configured it needs one, like `/graphql`: the metrics
 * name operations, APIs and error rates, which is not for anyone who can reach the port. Prometheus sends
 * it with `authorization: { credentials_file: … }` in its scrape config. Probes (`/health`, `/ready`)
 * stay open.
 */
export function createMetricsRoute(
  registry: Registry,
  apiKeyAccepted: (request: IncomingMessage) => boolean,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    if (!apiKeyAccepted(request)) {
      response.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
      response.end('A valid API key is required: Authorization: Bearer <key>.\n');
      return;
    }
    const text = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType });
    response.end(text);
  };
}
