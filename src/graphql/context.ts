/** The per-request GraphQL context: upstream clients, this request's loaders, its logger and abort signal. */
import type { Logger } from 'pino';
import { createLoaders, type Loaders } from '../loaders';
import type { UpstreamClients } from '../upstream/clients';
import type { UpstreamQuotaModel } from './models';
import type { StaleField } from './staleFields';

export interface GatewayContext {
  clients: UpstreamClients;
  /** Built per request: they dedupe and batch within one operation, and never share data across users. */
  loaders: Loaders;
  /** Aborted when the client goes away; passed to every upstream call. */
  signal: AbortSignal;
  logger: Logger;
  requestId: string;
  /** Fields of this response answered with an older value (see `staleFields.ts`). */
  staleFields: StaleField[];
  /** The upstream budget per API right now (the `upstreamQuota` field). */
  quota: () => Promise<UpstreamQuotaModel[]>;
}

export interface RequestContextOptions {
  clients: UpstreamClients;
  logger: Logger;
  signal: AbortSignal;
  requestId: string;
  quota: () => Promise<UpstreamQuotaModel[]>;
}

export function createRequestContext({
  clients,
  logger,
  signal,
  requestId,
  quota,
}: RequestContextOptions): GatewayContext {
  return {
    clients,
    loaders: createLoaders(clients, signal),
    signal,
    logger,
    requestId,
    staleFields: [],
    quota,
  };
}
