import { Registry } from 'prom-client';

import type { AdmissionMode } from '../../../../../src/upstream/pipeline/state/redis/fallbackAdmissionWindow';
import { registerSharedStateMetrics } from '../../../../../src/upstream/pipeline/state/redis/sharedStateMetrics';

describe('registerSharedStateMetrics', () => {
  it('shows the current mode and live replicas at each scrape', async () => {
    const registry = new Registry();
    let mode: AdmissionMode = 'shared';
    let replicas = 3;
    registerSharedStateMetrics(registry, { mode: () => mode, liveReplicas: () => replicas });

    let text = await registry.metrics();
    expect(text).toContain('gateway_shared_state_mode{mode="shared"} 1');
    expect(text).toContain('gateway_shared_state_mode{mode="local-fallback"} 0');
    expect(text).toContain('gateway_shared_state_live_replicas 3');

    mode = 'local-fallback';
    replicas = 2;
    text = await registry.metrics();
    expect(text).toContain('gateway_shared_state_mode{mode="shared"} 0');
    expect(text).toContain('gateway_shared_state_mode{mode="local-fallback"} 1');
    expect(text).toContain('gateway_shared_state_live_replicas 2');
  });
});
