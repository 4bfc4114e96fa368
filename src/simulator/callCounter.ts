/** Requests received per route: the upstream-cost metric tests and the benchmark assert on. */
import type { SimulatorRouteId } from './types';

export class CallCounter {
  private counts = new Map<SimulatorRouteId, number>();

  increment(route: SimulatorRouteId): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  snapshot(): Partial<Record<SimulatorRouteId, number>> {
    return Object.fromEntries(this.counts) as Partial<Record<SimulatorRouteId, number>>;
  }

  total(prefix = ''): number {
    let sum = 0;
    for (const [route, count] of this.counts) if (route.startsWith(prefix)) sum += count;
    return sum;
  }

  reset(): void {
    this.counts = new Map();
  }
}
