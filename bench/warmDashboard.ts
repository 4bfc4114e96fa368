/**
 * What the issue-11 scenarios (cold page, first request, soak, CPU profile) share: the scenario context,
 * ImageDashboard(20) request bodies, a fresh server brought to the warm state (token fetched, pools open,
 * caches filled, JIT warm by a short load, every answer checked), and small statistics.
 */
import { execute, runBurst, runLoad, type LoadResult } from './load';
import { startServer, type Running, type ServerSlot } from './measure';
import { documentOf, OPERATIONS, validateResponse, type OperationSpec } from './operations';
import { stop } from './processes';
import type { SimulatorControl, SimulatorInfo, UpstreamFacts } from './simulatorControl';

/** The upstream latency the targets are stated at. */
export const SCENARIO_LATENCY_MS = 20;
/** ImageDashboard's dependent upstream levels: list → joins (files statistics, software, SWR). */
export const DASHBOARD_LEVELS = 2;

export interface ScenarioContext {
  info: SimulatorInfo;
  control: SimulatorControl;
  facts: UpstreamFacts;
  serverCore: number | null;
  quick: boolean;
  loadSeconds: number;
  warmupSeconds: number;
}

export function dashboardSpec(): OperationSpec {
  const spec = OPERATIONS.find((candidate) => candidate.key === 'ImageDashboard(20)');
  if (!spec) throw new Error('ImageDashboard(20) is not among the bench operations');
  return spec;
}

export function dashboardBody(
  variables: Record<string, unknown> = dashboardSpec().variables(undefined),
): string {
  const spec = dashboardSpec();
  return JSON.stringify({ query: documentOf(spec), operationName: spec.operationName, variables });
}

/** Problems of one ImageDashboard(20) answer (status, errors, shape); empty when right. */
export function dashboardProblems(status: number, text: string): string[] {
  return validateResponse(dashboardSpec(), status, text, undefined).problems;
}

export interface WarmServer {
  running: Running;
  /** The validated warm answer: identical answers under load need no further check. */
  reference: string;
  problems: string[];
}

/**
 * Starts `slot` fresh and warms it with ImageDashboard(20): one cold and one warm execution (validated),
 * then a load (`seconds` at `connections`; in quick mode a burst of 2 × connections) with every answer
 * checked. The caller stops `running`.
 */
export async function startWarmDashboard(
  slot: ServerSlot,
  context: ScenarioContext,
  warmup: { connections: number; seconds: number },
): Promise<WarmServer> {
  const running = await startServer(slot, context.info, context.serverCore);
  try {
    const body = dashboardBody();
    const problems: string[] = [];
    let reference = '';
    for (const step of ['cold', 'warm']) {
      const result = await execute(running.url, body);
      const found = dashboardProblems(result.status, result.body);
      problems.push(...found.map((problem) => `${step}: ${problem}`));
      if (found.length === 0) reference = result.body;
    }
    const load = await warmLoad(running, reference, warmup.connections, warmup.seconds, context.quick);
    problems.push(...loadProblems('warm-up', load));
    return { running, reference, problems };
  } catch (error) {
    await stop(running.proc, 2000);
    throw error;
  }
}

/** ImageDashboard(20) at `connections`, every answer checked; quick mode: a burst instead of a timed run. */
export function warmLoad(
  running: Running,
  reference: string,
  connections: number,
  seconds: number,
  burst: boolean,
): Promise<LoadResult> {
  const common = {
    url: running.url,
    body: dashboardBody(),
    connections,
    reference,
    validate: (text: string) => dashboardProblems(200, text),
  };
  return burst
    ? runBurst({ ...common, amount: 2 * connections })
    : runLoad({ ...common, durationS: Math.max(1, Math.round(seconds)) });
}

export function loadProblems(label: string, run: LoadResult): string[] {
  if (run.wrongAnswers === 0 && run.non2xx === 0 && run.errors === 0) return [];
  return [
    `${label} (c=${run.connections}): ${run.wrongAnswers} wrong answers, ${run.non2xx} non-2xx, ${run.errors} errors` +
      (run.firstProblems.length ? ` — ${run.firstProblems[0]}` : ''),
  ];
}

/** Nearest-rank percentile (q in 0..1) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
