/**
 * The performance targets of issue 11 next to what this run measured: informational, never a check
 * (timings on a shared machine are noise; the quick run fails only on wrong answers and calls).
 */
import type { CriticalPathSummary } from './probe/criticalPath';
import type { OperationResult } from './report';
import type { ScenarioFigures } from './scenarios';
import { DASHBOARD_LEVELS, SCENARIO_LATENCY_MS } from './warmDashboard';

export interface TargetRow {
  target: string;
  measured: string;
  goal: string;
  /** The figure compared with the goal (null: not measured in this run). */
  value: number | null;
  /** null: not measured in this run. */
  met: boolean | null;
}

const f = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function row(
  target: string,
  goal: string,
  value: number | undefined,
  text: string,
  ok: (v: number) => boolean,
): TargetRow {
  const measured = value !== undefined && Number.isFinite(value);
  return measured
    ? { target, goal, measured: text, value, met: ok(value) }
    : { target, goal, measured: 'not measured', value: null, met: null };
}

/** The server's own time on the critical path (bench/probe/criticalPath.ts) against a goal, baseline beside. */
function ownTimeRow(
  target: string,
  goalMs: number,
  gateway: CriticalPathSummary | undefined,
  baseline: CriticalPathSummary | undefined,
): TargetRow {
  const own = gateway?.pages ? gateway : undefined;
  return row(
    target,
    `≤ ${goalMs} ms`,
    own?.ownMsP50,
    `${f(own?.ownMsP50 ?? NaN)} ms (in-server ${f(own?.inServerMsP50 ?? NaN)} − measured floor ` +
      `${f(own?.measuredFloorMsP50 ?? NaN)} ms; baseline ${f(baseline?.ownMsP50 ?? NaN)} ms)`,
    (v) => v <= goalMs,
  );
}

export function targetRows(results: readonly OperationResult[], scenarios: ScenarioFigures): TargetRow[] {
  const at = (server: string): OperationResult | undefined =>
    results.find(
      (r) =>
        r.server === server &&
        r.operation === 'ImageDashboard(20)' &&
        r.latencyProfileMs === SCENARIO_LATENCY_MS,
    );
  const gateway = at('gateway');
  const baseline = at('baseline');
  const rows: TargetRow[] = [];
  for (const connections of [10, 50]) {
    const g = gateway?.loads.find((load) => load.connections === connections);
    const b = baseline?.loads.find((load) => load.connections === connections);
    const ratio = g && b && b.requestsPerSecond > 0 ? g.requestsPerSecond / b.requestsPerSecond : undefined;
    rows.push(
      row(
        `ImageDashboard(20) warm, ${SCENARIO_LATENCY_MS} ms: gateway req/s ÷ baseline, c${connections}`,
        '≥ 10×',
        ratio,
        `${f(ratio ?? NaN, 2)}× (${f(g?.requestsPerSecond ?? NaN, 0)} / ${f(b?.requestsPerSecond ?? NaN, 0)})`,
        (v) => v >= 10,
      ),
    );
  }
  for (const connections of [10, 50]) {
    const cpu = gateway?.loads.find((load) => load.connections === connections)?.cpuMsPerRequest ?? undefined;
    rows.push(
      row(
        `ImageDashboard(20) warm, ${SCENARIO_LATENCY_MS} ms: gateway CPU ms/req, c${connections}`,
        '≤ 1 ms',
        cpu,
        `${f(cpu ?? NaN, 2)} ms`,
        (v) => v <= 1,
      ),
    );
  }
  const cold = scenarios.coldPages.find((r) => r.server === 'gateway');
  const coldBaseline = scenarios.coldPages.find((r) => r.server === 'baseline');
  rows.push(
    row(
      `Cache-cold page in a warm process (p50 − nominal floor; floor ${DASHBOARD_LEVELS} levels × ${SCENARIO_LATENCY_MS} ms)`,
      `≤ floor + 2 ms = ${(cold?.floorMs ?? DASHBOARD_LEVELS * SCENARIO_LATENCY_MS) + 2} ms`,
      cold?.p50Ms,
      `${f(cold?.p50Ms ?? NaN)} ms (own ${f(cold?.ownMsP50 ?? NaN)} ms)`,
      (v) => cold !== undefined && v <= cold.floorMs + 2,
    ),
  );
  // The same target from inside the server: the simulator's service time is part of every call, so the
  // floor is the calls as the gateway saw them (bench/probe/criticalPath.ts).
  rows.push(
    ownTimeRow(
      'Cache-cold page in a warm process: own time on the critical path (in-server, p50)',
      2,
      cold?.inServer,
      coldBaseline?.inServer,
    ),
  );
  const first = scenarios.firstRequest.find((r) => r.server === 'gateway');
  const firstBaseline = scenarios.firstRequest.find((r) => r.server === 'baseline');
  rows.push(
    row(
      'First request after start (median vs nominal floor: the levels on its measured path × latency)',
      `≤ floor + 20 ms = ${first ? f(first.medianFloorMs + 20, 0) : '—'} ms`,
      first?.medianMs,
      `${f(first?.medianMs ?? NaN)} ms (floor ${f(first?.medianFloorMs ?? NaN, 0)} ms)`,
      (v) => first !== undefined && v <= first.medianFloorMs + 20,
    ),
  );
  rows.push(
    ownTimeRow(
      'First request after start: own time on the critical path (in-server, median)',
      20,
      first?.inServer,
      firstBaseline?.inServer,
    ),
  );
  const soak = scenarios.soak.find((r) => r.server === 'gateway');
  rows.push(
    row(
      `RSS soak at ${soak?.connections ?? 50} connections${soak ? `, ${f(soak.seconds, 0)} s` : ''}: the trend line through all samples, end ÷ start`,
      '≤ 1.10 (flat within 10 %)',
      soak?.trendEndOverStart,
      `${f(soak?.trendEndOverStart ?? NaN, 2)} (${f(soak?.trendStartMb ?? NaN, 0)} → ${f(soak?.trendEndMb ?? NaN, 0)} MB; minute medians ${f(soak?.firstMinuteMedianMb ?? NaN, 0)} → ${f(soak?.lastMinuteMedianMb ?? NaN, 0)} MB, single samples ${f(soak?.startRssMb ?? NaN, 0)} → ${f(soak?.endRssMb ?? NaN, 0)} MB, peak ${f(soak?.peakRssMb ?? NaN, 0)})`,
      (v) => v <= 1.1,
    ),
  );
  return rows;
}
