/**
 * Results: the shapes measured, the markdown tables printed to stdout, and the JSON file with every figure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFleetMarkdown, type FleetResult } from './fleetReport';
import type { LoadResult } from './load';
import type { Minimum } from './operations';
import { renderScenarios } from './scenarioReport';
import type { ScenarioResults } from './scenarios';
import type { CallCounts } from './simulatorControl';

export type ServerKind = 'gateway' | 'baseline';

export interface CallSample {
  /** Upstream calls that spend quota (everything but IAM). */
  upstream: number;
  /** IAM token calls. */
  iam: number;
  byRoute: CallCounts;
}

export interface OperationResult {
  server: ServerKind;
  /** What actually ran in this slot (e.g. the baseline standing in for the gateway in a dry run). */
  implementation: string;
  operation: string;
  latencyProfileMs: number;
  minimum: Minimum;
  floorMs: { cold: number; warm: number };
  cold: CallSample & { ms: number };
  warm: CallSample & { ms: number };
  /** One connection, sequential: the latency figures compared with the floor. */
  sequential?: LoadResult;
  loads: (LoadResult & {
    cpuMsPerRequest: number | null;
    upstreamCallsPerRequest: number;
    simulatorCpuPercent: number | null;
    loadGeneratorCpuPercent: number;
  })[];
  memory: { peakRssMb: number; steadyRssMb: number } | null;
  problems: string[];
}

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface BenchReport {
  startedAt: string;
  mode: 'full' | 'quick';
  environment: Record<string, unknown>;
  layout: Record<string, string>;
  results: OperationResult[];
  /** The three-replica Redis scenario (`bench/fleet.ts`), when run. */
  fleet?: FleetResult[];
  agreement: { operation: string; latencyProfileMs: number; agree: boolean; firstDifference?: string }[];
  /** Cold page, first request, soak, CPU profile and the targets table (bench/scenarios.ts). */
  scenarios?: ScenarioResults;
  notes: string[];
  checks: Check[];
}

const f = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const ratio = (a: number | null | undefined, b: number | null | undefined, digits = 2): string =>
  a === null || a === undefined || b === null || b === undefined || b === 0 || !Number.isFinite(a / b)
    ? '—'
    : `${(a / b).toFixed(digits)}×`;

function loadAt(result: OperationResult, connections: number) {
  return result.loads.find((load) => load.connections === connections);
}

export function renderMarkdown(report: BenchReport): string {
  const out: string[] = [];
  const profiles = [...new Set(report.results.map((r) => r.latencyProfileMs))];
  out.push(`## Benchmark (${report.mode}) — ${report.startedAt}`, '');
  out.push(`Servers on Node ${String(report.environment['serverNode'] ?? report.environment['node'])}.`, '');
  out.push(
    `Layout: ${Object.entries(report.layout)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
    '',
  );
  for (const profile of profiles) {
    out.push(`### Upstream latency ${profile} ms per call`, '');
    out.push(
      '| operation | server | calls cold (min) | calls warm (min) | IAM cold | cold ms (floor) | p50 ms (×floor) | p99 ms (×floor) | req/s c10 | req/s c50 | calls/req c50 | CPU ms/req c10 / c50 | RSS MB peak / steady |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of report.results.filter((x) => x.latencyProfileMs === profile)) {
      const c10 = loadAt(r, 10);
      const c50 = loadAt(r, 50);
      const seq = r.sequential?.latencyMs;
      const floorNote = (value: number | undefined, floor: number): string =>
        floor > 0 ? `${f(value)} (${ratio(value, floor, 1)})` : f(value);
      out.push(
        `| ${r.operation} | ${r.server === 'gateway' && r.implementation !== 'gateway' ? `gateway (=${r.implementation})` : r.server}` +
          ` | ${r.cold.upstream} (${r.minimum.calls}) | ${r.warm.upstream} (${r.minimum.warmCalls}) | ${r.cold.iam}` +
          ` | ${f(r.cold.ms)} (${f(r.floorMs.cold, 0)}) | ${floorNote(seq?.p50, r.floorMs.warm)} | ${floorNote(seq?.p99, r.floorMs.warm)}` +
          ` | ${f(c10?.requestsPerSecond, 0)} | ${f(c50?.requestsPerSecond, 0)} | ${f(c50?.upstreamCallsPerRequest, 2)}` +
          ` | ${f(c10?.cpuMsPerRequest, 2)} / ${f(c50?.cpuMsPerRequest, 2)}` +
          ` | ${f(r.memory?.peakRssMb, 0)} / ${f(r.memory?.steadyRssMb, 0)} |`,
      );
    }
    out.push('');
  }

  const pairs = report.results
    .filter((r) => r.server === 'gateway')
    .map((g) => ({
      g,
      b: report.results.find(
        (r) =>
          r.server === 'baseline' && r.operation === g.operation && r.latencyProfileMs === g.latencyProfileMs,
      ),
    }))
    .filter((pair): pair is { g: OperationResult; b: OperationResult } => pair.b !== undefined);
  if (pairs.length > 0) {
    out.push('### Gateway ÷ baseline (lower is better for calls, latency and CPU; higher for req/s)', '');
    out.push(
      '| latency | operation | calls cold | calls warm | p50 | p99 | req/s c10 | req/s c50 | CPU/req c10 | CPU/req c50 | answers agree |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const { g, b } of pairs) {
      const agreement = report.agreement.find(
        (a) => a.operation === g.operation && a.latencyProfileMs === g.latencyProfileMs,
      );
      out.push(
        `| ${g.latencyProfileMs} ms | ${g.operation} | ${ratio(g.cold.upstream, b.cold.upstream)} | ${ratio(g.warm.upstream, b.warm.upstream)}` +
          ` | ${ratio(g.sequential?.latencyMs.p50, b.sequential?.latencyMs.p50)} | ${ratio(g.sequential?.latencyMs.p99, b.sequential?.latencyMs.p99)}` +
          ` | ${ratio(loadAt(g, 10)?.requestsPerSecond, loadAt(b, 10)?.requestsPerSecond)}` +
          ` | ${ratio(loadAt(g, 50)?.requestsPerSecond, loadAt(b, 50)?.requestsPerSecond)}` +
          ` | ${ratio(loadAt(g, 10)?.cpuMsPerRequest, loadAt(b, 10)?.cpuMsPerRequest)}` +
          ` | ${ratio(loadAt(g, 50)?.cpuMsPerRequest, loadAt(b, 50)?.cpuMsPerRequest)}` +
          ` | ${agreement ? (agreement.agree ? 'yes' : `no: ${agreement.firstDifference ?? ''}`) : '—'} |`,
      );
    }
    out.push('');
  }

  out.push(renderFleetMarkdown(report.fleet ?? []));
  const minimums = new Map<string, string>();
  for (const r of report.results) {
    if (!minimums.has(r.operation))
      minimums.set(
        r.operation,
        `${r.minimum.calls} cold, ${r.minimum.warmCalls} warm, ${r.minimum.levels} levels: ${r.minimum.why}`,
      );
  }
  out.push(
    'Minimum upstream calls (IAM token excluded; cold floor = (levels + 1 for IAM) × latency, warm floor = levels × latency):',
    '',
  );
  for (const [operation, why] of minimums) out.push(`- ${operation}: ${why}`);
  out.push('');
  const saturated = report.results.flatMap((r) =>
    r.loads
      .filter((l) => (l.simulatorCpuPercent ?? 0) + l.loadGeneratorCpuPercent > 90)
      .map((l) => `${r.server} ${r.operation} ${r.latencyProfileMs} ms c${l.connections}`),
  );
  if (saturated.length > 0) {
    out.push(
      `> Core 0 (simulator + load generator) was over 90 % busy during: ${saturated.join(', ')} — there, req/s may be ` +
        'limited by the simulator or load generator rather than the server under test.',
      '',
    );
  }
  out.push(...renderScenarios(report.scenarios));
  for (const note of report.notes) out.push(`> ${note}`);
  if (report.notes.length > 0) out.push('');

  const failed = report.checks.filter((check) => !check.ok);
  if (failed.length > 0) {
    out.push('Failed checks:', '');
    for (const check of failed) out.push(`- ✗ ${check.name}${check.detail ? `: ${check.detail}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

export function writeJson(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
