/**
 * The three-replica scenario's result shape and its markdown tables (the JSON carries every figure).
 */
import type { LoadResult } from './load';
import type { Minimum } from './operations';
import type { CallSample, OperationResult } from './report';

/** One counted execution: its upstream calls and wall time (ms) as the load generator saw it. */
export type CountedSample = CallSample & { ms: number };

/** Sequential warm requests to one server: latency and the server's own CPU per request. */
export interface SequentialCost {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number | null;
  /** Redis's own CPU per request (shared mode only). */
  redisCpuMsPerRequest?: number | null;
}

export type FleetLoad = LoadResult & {
  /** The three replicas' CPU together, per request sent. */
  cpuMsPerRequest: number | null;
  redisCpuMsPerRequest: number | null;
  upstreamCallsPerRequest: number;
  /** Each replica's CPU during the run (ms), to see the spread. */
  replicaCpuMs: (number | null)[];
};

export interface FleetResult {
  operation: string;
  latencyProfileMs: number;
  minimum: Minimum;
  /** The single-replica gateway's figures for the same operation in the same run (null if not measured). */
  single: { coldCalls: number | null; warmCalls: number | null; requestsPerSecond: Record<string, number> };
  /** Fresh Redis state and fresh processes: A cold, then the same through B, then C, then A again. */
  sequential: { a: CountedSample; b: CountedSample; c: CountedSample; aAgain: CountedSample };
  /** Fresh Redis state and fresh processes: the same cold request to A, B and C at the same moment. */
  simultaneous: CallSample & { ms: number[] };
  /** One replica, warm: the same gateway in memory mode vs shared (Redis) mode, and shared ÷ memory. */
  layerCost: {
    memory: SequentialCost;
    shared: SequentialCost;
    ratio: { p50: number | null; p99: number | null; cpuMsPerRequest: number | null };
  };
  /** Full mode: load spread round-robin over the three replicas (connections i → replica i mod 3). */
  loads: FleetLoad[];
  problems: string[];
}

const f = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const times = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`;

export function quotient(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return Number.isFinite(a / b) ? a / b : null;
}

/** The single-replica gateway's figures of one operation, from the main results of the same run. */
export function singleFigures(
  results: readonly OperationResult[],
  operation: string,
  latencyProfileMs: number,
): FleetResult['single'] {
  const single = results.find(
    (r) => r.server === 'gateway' && r.operation === operation && r.latencyProfileMs === latencyProfileMs,
  );
  return {
    coldCalls: single?.cold.upstream ?? null,
    warmCalls: single?.warm.upstream ?? null,
    requestsPerSecond: Object.fromEntries(
      (single?.loads ?? []).map((load) => [`c${load.connections}`, load.requestsPerSecond]),
    ),
  };
}

export function renderFleetMarkdown(fleet: readonly FleetResult[]): string {
  if (fleet.length === 0) return '';
  const out: string[] = [];
  out.push(
    '### Fleet: three gateway replicas sharing one Redis',
    '',
    'Upstream calls per execution (IAM tokens apart: each replica fetches its own at start). Sequential: fresh fleet, A cold, then B, then C, then A again. ' +
      'Same moment: another fresh fleet, A, B and C asked at once (total for the three).',
    '',
    '| latency | operation | minimum cold | single cold | fleet A cold | then B | then C | same moment A+B+C | single warm | A again |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of fleet) {
    const { a, b, c, aAgain } = r.sequential;
    out.push(
      `| ${r.latencyProfileMs} ms | ${r.operation} | ${r.minimum.calls} | ${r.single.coldCalls ?? '—'} | ${a.upstream}` +
        ` | ${b.upstream} | ${c.upstream} | ${r.simultaneous.upstream} | ${r.single.warmCalls ?? '—'} | ${aAgain.upstream} |`,
    );
  }
  out.push(
    '',
    'Cost of the shared layer: one replica, warm, sequential requests; the same gateway in memory mode ' +
      '(no `REDIS_URL`) vs shared mode, measured one after the other in this run.',
    '',
    '| latency | operation | p50 ms memory / shared (×) | p99 ms memory / shared (×) | CPU ms/req memory / shared (×) | Redis CPU ms/req |',
    '|---|---|---|---|---|---|',
  );
  for (const r of fleet) {
    const { memory, shared, ratio } = r.layerCost;
    out.push(
      `| ${r.latencyProfileMs} ms | ${r.operation} | ${f(memory.p50Ms)} / ${f(shared.p50Ms)} (${times(ratio.p50)})` +
        ` | ${f(memory.p99Ms)} / ${f(shared.p99Ms)} (${times(ratio.p99)})` +
        ` | ${f(memory.cpuMsPerRequest, 2)} / ${f(shared.cpuMsPerRequest, 2)} (${times(ratio.cpuMsPerRequest)})` +
        ` | ${f(shared.redisCpuMsPerRequest, 3)} |`,
    );
  }
  const loaded = fleet.filter((r) => r.loads.length > 0);
  if (loaded.length > 0) {
    out.push(
      '',
      'Load spread round-robin over the three replicas (all on the server core), next to the single gateway.',
      '',
      '| latency | operation | connections | req/s fleet (single) | errors / non-2xx / wrong | CPU ms/req 3 replicas + Redis | calls/req |',
      '|---|---|---|---|---|---|---|',
    );
    for (const r of loaded) {
      for (const load of r.loads) {
        const single = r.single.requestsPerSecond[`c${load.connections}`];
        out.push(
          `| ${r.latencyProfileMs} ms | ${r.operation} | ${load.connections} | ${f(load.requestsPerSecond, 0)} (${f(single, 0)})` +
            ` | ${load.errors + load.timeouts} / ${load.non2xx} / ${load.wrongAnswers}` +
            ` | ${f(load.cpuMsPerRequest, 2)} + ${f(load.redisCpuMsPerRequest, 3)} | ${f(load.upstreamCallsPerRequest, 3)} |`,
        );
      }
    }
  }
  out.push('');
  return out.join('\n');
}
