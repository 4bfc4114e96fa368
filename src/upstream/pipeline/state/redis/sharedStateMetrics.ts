/**
 * /metrics for shared mode: whether quota decisions are fleet-wide (`shared`) or this replica's share
 * (`local-fallback`, Redis away), and how many live replicas the heartbeat sees. Read at scrape time.
 */
import { Gauge, type Registry } from 'prom-client';

import type { AdmissionMode } from './fallbackAdmissionWindow';

export interface SharedStateGauges {
  mode: () => AdmissionMode;
  liveReplicas: () => number;
}

const MODES: readonly AdmissionMode[] = ['shared', 'local-fallback'];

export function registerSharedStateMetrics(registry: Registry, source: SharedStateGauges): void {
  new Gauge({
    name: 'gateway_shared_state_mode',
    help: 'Quota decisions: 1 for the current mode, shared (Redis) or local-fallback (this replica’s share).',
    labelNames: ['mode'],
    registers: [registry],
    collect() {
      const current = source.mode();
      for (const mode of MODES) this.set({ mode }, mode === current ? 1 : 0);
    },
  });
  new Gauge({
    name: 'gateway_shared_state_live_replicas',
    help: 'Live gateway replicas seen through the Redis heartbeat (this one included).',
    registers: [registry],
    collect() {
      this.set(source.liveReplicas());
    },
  });
}
