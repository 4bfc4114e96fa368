/**
 * Injected faults. A fault replaces the route's answer; route-specific faults are tried before '*'.
 * `times` counts applications; a probability miss neither applies nor uses one up.
 */
import { Rng } from './data/prng';
import type { FaultOptions, FaultSpec, SimulatorRouteId } from './types';

const FAULT_KINDS = new Set<FaultSpec['kind']>([
  'status',
  'rateLimit',
  'hang',
  'reset',
  'malformedJson',
  'wrongShape',
  'tokenExpired',
]);

interface InjectedFault {
  fault: FaultSpec;
  remaining: number;
  probability: number;
}

export class FaultInjector {
  private readonly byRoute = new Map<SimulatorRouteId | '*', InjectedFault[]>();

  constructor(private readonly rng: Rng) {}

  inject(route: SimulatorRouteId | '*', fault: FaultSpec, options: FaultOptions = {}): void {
    validateFault(fault);
    const times = options.times ?? Infinity;
    const probability = options.probability ?? 1;
    if (!(times > 0)) throw new RangeError('times must be positive');
    if (!(probability >= 0 && probability <= 1)) throw new RangeError('probability must be within 0..1');
    let list = this.byRoute.get(route);
    if (!list) this.byRoute.set(route, (list = []));
    list.push({ fault, remaining: times, probability });
  }

  clear(): void {
    this.byRoute.clear();
  }

  /** The fault to apply to this request, if any (and uses it up once). */
  take(route: SimulatorRouteId): FaultSpec | undefined {
    if (this.byRoute.size === 0) return undefined;
    return this.takeFrom(route) ?? this.takeFrom('*');
  }

  private takeFrom(route: SimulatorRouteId | '*'): FaultSpec | undefined {
    const list = this.byRoute.get(route);
    if (!list) return undefined;
    for (let k = 0; k < list.length; k++) {
      const entry = list[k] as InjectedFault;
      if (entry.probability < 1 && this.rng.next() >= entry.probability) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) list.splice(k, 1);
      return entry.fault;
    }
    return undefined;
  }
}

function validateFault(fault: FaultSpec): void {
  if (!fault || !FAULT_KINDS.has(fault.kind)) throw new TypeError(`unknown fault kind`);
  if (
    fault.kind === 'status' &&
    !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)
  ) {
    throw new RangeError('fault status must be an HTTP status code');
  }
}

/** What the `malformedJson` fault sends: a body cut off mid-object. */
export const MALFORMED_JSON_BODY = '{"total_num": 12, "data_list": [{"id": 1, "image_name": "trunc';

/** What the `wrongShape` fault sends: valid JSON that fits no route's schema. */
export const WRONG_SHAPE_BODY = { unexpected: true, data: 'not-the-documented-shape', items: null };
