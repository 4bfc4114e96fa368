/** Injected response latency per route ('*' applies where no route-specific latency is set). */
import type { LatencySpec, SimulatorRouteId } from './types';

export class LatencyTable {
  private readonly byRoute = new Map<SimulatorRouteId | '*', LatencySpec>();

  set(route: SimulatorRouteId | '*', latency: LatencySpec | null): void {
    if (latency === null) {
      this.byRoute.delete(route);
      return;
    }
    validateLatency(latency);
    this.byRoute.set(route, latency);
  }

  /** Milliseconds to wait before answering this request (0 = none). */
  delayFor(route: SimulatorRouteId): number {
    const spec = this.byRoute.get(route) ?? this.byRoute.get('*');
    if (!spec) return 0;
    if ('fixedMs' in spec) return spec.fixedMs;
    return spec.minMs + Math.random() * (spec.maxMs - spec.minMs);
  }
}

function validateLatency(latency: LatencySpec): void {
  const values = 'fixedMs' in latency ? [latency.fixedMs] : [latency.minMs, latency.maxMs];
  if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
    throw new RangeError('latency values must be non-negative numbers');
  }
  if ('minMs' in latency && latency.minMs > latency.maxMs)
    throw new RangeError('minMs must not exceed maxMs');
}
