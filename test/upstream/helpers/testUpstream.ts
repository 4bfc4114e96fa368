/** The upstream side as both createUpstream test files build it: every service on one local server. */
import { Registry } from 'prom-client';
import {
  createUpstream,
  type CreateUpstreamOptions,
  type Upstream,
} from '../../../src/upstream/createUpstream';
import { createUpstreamMetrics } from '../../../src/upstream/metrics';
import { createPipeline } from '../../../src/upstream/pipeline/createPipeline';
import type { LocalServer } from './localServer';

export function buildTestUpstream(
  server: LocalServer,
  credentials: CreateUpstreamOptions['credentials'],
  extra: Partial<CreateUpstreamOptions> = {},
): Upstream {
  return createUpstream({
    endpoints: { iam: server.url, hss: server.url, swr: server.url, workspace: server.url },
    credentials,
    region: 'cn-north-4',
    timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000 },
    connectionsPerOrigin: 4,
    maxResponseBytes: 1024 * 1024,
    pipeline: createPipeline(
      { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
      { metrics: createUpstreamMetrics(new Registry()) },
    ),
    ...extra,
  });
}
