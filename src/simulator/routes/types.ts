/** What a route handler receives and returns. */
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenRecord, TokenStore } from '../auth';
import type { Dataset } from '../data/dataset';
import type { Service } from '../errors';
import type { SimulatorCredentials, SimulatorRouteId } from '../types';

export interface SimulatorIdentity {
  region: string;
  projectId: string;
  credentials: SimulatorCredentials;
  domainId: string;
  userId: string;
}

export interface RouteContext {
  dataset: Dataset;
  identity: SimulatorIdentity;
  tokens: TokenStore;
  /** Decoded path parameters, e.g. `project_id`, `image_id`. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw request body (POST routes only). */
  body: string;
  /** The caller's token (routes with `auth: 'token'`). */
  token: TokenRecord | undefined;
  /** Origin of this simulator, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
}

export interface RouteResult {
  status: number;
  /** undefined = empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDefinition {
  id: SimulatorRouteId;
  method: 'GET' | 'POST';
  /** Path segments; `:name` captures one (percent-decoded) segment. */
  path: string;
  service: Service;
  /** 'token' = X-Auth-Token required; the `project_id` path parameter must match its scope. */
  auth: 'token' | 'none';
  /** Subject to the HSS per-user, per-API quota when rate limits are on. */
  rateLimited: boolean;
  readsBody: boolean;
  handle(context: RouteContext): RouteResult;
}
