/**
 * The HTTP front: one `node:http` server for all services. Per request: route → count → latency →
 * fault (replaces the answer) → body → token → quota → handler. Every answer carries `X-Request-Id`
 * and a JSON content type.
 */
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { isSignedRequest } from './akSkAuth';
import type { TokenRecord } from './auth';
import type { SimulatorState } from './control';
import { CONTROL_PREFIX, handleControl, type ControlHttpDeps } from './controlHttp';
import {
  defaultFaultCode,
  GATEWAY_MESSAGES,
  gatewayBody,
  gatewayError,
  SimulatorHttpError,
  swrBody,
  throttledMessage,
} from './errors';
import { MALFORMED_JSON_BODY, WRONG_SHAPE_BODY } from './faults';
import { BodyTooLargeError, newRequestId, readBody, sendJson, sendText, sleep, splitTarget } from './http';
import type { Router } from './router';
import type { RouteDefinition, SimulatorIdentity } from './routes/types';
import type { FaultSpec } from './types';

export interface ServerDeps {
  state: SimulatorState;
  identity: SimulatorIdentity;
  router: Router;
  control: ControlHttpDeps;
}

export class SimulatorServer {
  readonly server: Server;
  /** Set once listening; handlers use it for absolute URLs (IAM catalog, links). */
  baseUrl = '';

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.dispatch(req, res).catch((error: unknown) => this.internalError(res, error));
    });
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        const actualPort = typeof address === 'object' && address ? address.port : port;
        const urlHost = host.includes(':') ? `[${host}]` : host;
        this.baseUrl = `http://${urlHost}:${actualPort}`;
        resolve();
      });
    });
  }

  /** Stops accepting, then drops every connection (idle, active and hung). */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const { path, query } = splitTarget(req.url ?? '/');
    if (path.startsWith(CONTROL_PREFIX)) {
      await handleControl(req, res, path, requestId, this.deps.control);
      return;
    }
    const match = this.deps.router.match(req.method ?? 'GET', path);
    if (!match) {
      sendJson(res, 404, gatewayBody('APIGW.0101', GATEWAY_MESSAGES['APIGW.0101'], requestId), requestId);
      return;
    }
    const { route, params } = match;
    const { state } = this.deps;
    state.calls.increment(route.id);
    const delay = state.latency.delayFor(route.id);
    if (delay > 0) await sleep(delay);
    const fault = state.faults.take(route.id);
    if (fault) {
      this.applyFault(fault, route, req, res, requestId);
      return;
    }
    try {
      const body = route.readsBody ? await readBody(req) : '';
      const token = route.auth === 'token' ? this.authenticate(req, body, params.project_id) : undefined;
      if (route.rateLimited && token && !state.rateLimiter.tryAcquire(route.id, token.userId)) {
        throw gatewayError(429, 'APIGW.0308', throttledMessage(state.rateLimiter.limit));
      }
      const result = route.handle({
        dataset: state.dataset,
        identity: this.deps.identity,
        tokens: state.tokens,
        params,
        query,
        headers: req.headers,
        body,
        token,
        baseUrl: this.baseUrl,
      });
      sendJson(res, result.status, result.body, requestId, result.headers);
    } catch (error) {
      if (error instanceof SimulatorHttpError) sendJson(res, error.status, error.body(requestId), requestId);
      else if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, gatewayBody('APIGW.0201', 'Request entity too large', requestId), requestId);
      } else this.internalError(res, error, requestId);
    }
  }

  /** A signed request is checked against the access keys, anything else as a token. */
  private authenticate(req: IncomingMessage, body: string, pathProjectId?: string): TokenRecord {
    const { state, identity } = this.deps;
    if (!isSignedRequest(req.headers)) return state.tokens.authenticate(req.headers, pathProjectId);
    state.accessKeys.verify({
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      headers: req.headers,
      body,
    });
    // The keys belong to this simulator's project: another one in the header or the path is refused.
    const projectHeader = req.headers['x-project-id'];
    const foreign = [projectHeader, pathProjectId].some(
      (id) => id !== undefined && id !== identity.projectId,
    );
    if (foreign) throw gatewayError(403, 'APIGW.0310', 'The project is unavailable to this access key');
    // The keys belong to the simulator's one IAM user: same identity (and HSS quota) as its tokens.
    return {
      userId: identity.userId,
      userName: identity.credentials.user,
      domainId: identity.domainId,
      domainName: identity.credentials.domain,
      projectId: identity.projectId,
      projectName: identity.region,
      issuedAt: 0,
      expiresAt: Number.POSITIVE_INFINITY,
      revoked: false,
    };
  }

  private applyFault(
    fault: FaultSpec,
    route: RouteDefinition,
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ): void {
    switch (fault.kind) {
      case 'hang':
        return; // never answered; stop() closes the socket
      case 'reset':
        req.socket.destroy();
        return;
      case 'malformedJson':
        sendText(res, 200, MALFORMED_JSON_BODY, requestId);
        return;
      case 'wrongShape':
        sendJson(res, 200, WRONG_SHAPE_BODY, requestId);
        return;
      case 'rateLimit':
        sendJson(
          res,
          429,
          gatewayBody('APIGW.0308', throttledMessage(this.deps.state.rateLimiter.limit), requestId),
          requestId,
        );
        return;
      case 'tokenExpired':
        sendJson(
          res,
          401,
          gatewayBody('APIGW.0307', `${GATEWAY_MESSAGES['APIGW.0307']}: token expired`, requestId),
          requestId,
        );
        return;
      case 'status': {
        const code = fault.errorCode ?? defaultFaultCode(route.service, fault.status);
        const message =
          fault.errorMsg ?? `Simulated ${fault.status} ${STATUS_CODES[fault.status] ?? 'error'}`;
        let body: unknown;
        if (code.startsWith('APIGW.') || code.startsWith('APIG.'))
          body = gatewayBody(code, message, requestId);
        else if (route.service === 'swr') body = swrBody(code, message);
        else body = { error_code: code, error_msg: message };
        sendJson(res, fault.status, body, requestId);
        return;
      }
    }
  }

  private internalError(res: ServerResponse, error: unknown, requestId = newRequestId()): void {
    console.error('simulator: internal error', error);
    sendJson(res, 500, gatewayBody('APIGW.0601', GATEWAY_MESSAGES['APIGW.0601'], requestId), requestId);
  }
}
