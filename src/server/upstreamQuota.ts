/**
 * The upstream budget per API, as the `upstreamQuota` field and `/metrics` show it. Read on demand from
 * the pipeline (the admission window and the warm-up queue), so it costs no upstream call.
 */
import { Gauge, type Registry } from 'prom-client';
import type { UpstreamQuotaModel } from '../graphql/models';
import type { Pipeline } from '../upstream/pipeline/createPipeline';
import { UPSTREAM_APIS } from '../upstream/facts';

export type QuotaReader = () => Promise<UpstreamQuotaModel[]>;

export function createQuotaReader(pipeline: Pick<Pipeline, 'quota'>): QuotaReader {
  const serviceOf = new Map(UPSTREAM_APIS.map(({ api, service }) => [api, service]));
  return async () =>
    (await pipeline.quota(UPSTREAM_APIS)).map((quota) => ({
      ...quota,
      service: serviceOf.get(quota.api) ?? '',
    }));
}

/** Gauges per API, read at scrape time. */
export function registerQuotaMetrics(registry: Registry, read: QuotaReader): void {
  let pending: Promise<UpstreamQuotaModel[]> | undefined;
  // One read per scrape, shared by the four gauges.
  const snapshot = (): Promise<UpstreamQuotaModel[]> => {
    pending ??= read().finally(() => setImmediate(() => (pending = undefined)));
    return pending;
  };
  const gauge = (name: string, help: string, value: (quota: UpstreamQuotaModel) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['api'],
      registers: [registry],
      async collect() {
        for (const quota of await snapshot()) this.set({ api: quota.api }, value(quota));
      },
    });
  gauge(
    'gateway_upstream_quota_used',
    'Calls admitted within the current quota window, per upstream API.',
    (q) => q.used,
  );
  gauge(
    'gateway_upstream_quota_remaining',
    'Calls that can still be admitted now, per upstream API.',
    (q) => q.remaining,
  );
  gauge(
    'gateway_upstream_quota_queued',
    'Refused calls queued to warm the cache, per upstream API.',
    (q) => q.queued,
  );
  gauge(
    'gateway_upstream_quota_oldest_queued_seconds',
    'Age of the oldest queued warm-up, per upstream API.',
    (q) => q.oldestQueuedMs / 1000,
  );
}
