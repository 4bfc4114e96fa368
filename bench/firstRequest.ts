/**
 * First request after start: a fresh process, timed from "ready" (readiness probe 200, polled every 10 ms)
 * to its first ImageDashboard(20) answer, at the scenario latency. Repeated over several fresh starts.
 * The server runs with the critical-path probe preloaded (bench/probe/): per start, the time in the
 * server, the measured floor (the token call when the request waited for it + list + the longest chain of
 * join calls, as the server saw them) and the server's own time. The nominal floor is the levels on that
 * path × latency: a 20-row page can need three (the list, the SWR center's first page, its remaining pages)
 * where a one-repository page needs two. Without a probe figure it falls back to the dashboard's two levels,
 * plus one for the IAM token when the process had not fetched it by the time it was ready (the simulator's
 * own IAM count at that moment says which).
 */
import { performance } from 'node:perf_hooks';
import { execute } from './load';
import { startServer, type ServerSlot } from './measure';
import {
  criticalPath,
  summarizeCriticalPaths,
  type CriticalPath,
  type CriticalPathSummary,
} from './probe/criticalPath';
import { ProbeLog } from './probe/probeLog';
import { sleep, stop } from './processes';
import { summarizeCalls, type CallCounts } from './simulatorControl';
import {
  dashboardBody,
  dashboardProblems,
  dashboardSpec,
  DASHBOARD_LEVELS,
  percentile,
  SCENARIO_LATENCY_MS,
  type ScenarioContext,
} from './warmDashboard';

export interface FirstRequestStart {
  /** Spawn to readiness. */
  startupMs: number;
  /** Readiness to the first answer. */
  ms: number;
  tokenFetchedAtStart: boolean;
  /** Nominal floor: (levels + 1 when the token was not fetched at start) × injected latency. */
  floorMs: number;
  /** Upstream calls (IAM apart) of the first request, and everything the process called from its start. */
  upstream: number;
  /** The fewest the APIs allow for the answer returned (null: the answer was wrong). */
  minimumCalls: number | null;
  iam: number;
  byRoute: CallCounts;
  /** Inside the server (the probe): null when its record could not be decomposed. */
  probe: CriticalPath | null;
}

export interface FirstRequestResult {
  server: 'gateway' | 'baseline';
  implementation: string;
  latencyProfileMs: number;
  starts: FirstRequestStart[];
  medianMs: number;
  medianFloorMs: number;
  medianStartupMs: number;
  /** Medians over the starts the probe decomposed, next to the outside median over the same starts. */
  inServer: CriticalPathSummary & { outsideMsP50: number };
  problems: string[];
}

export async function measureFirstRequests(
  slot: ServerSlot,
  context: ScenarioContext,
  starts: number,
): Promise<FirstRequestResult> {
  const runs: FirstRequestStart[] = [];
  const problems: string[] = [];
  for (let i = 0; i < starts; i += 1) {
    const measured = await measureFirstRequestStart(slot, context, { label: `start ${i + 1}` });
    runs.push(measured.start);
    problems.push(...measured.problems);
  }
  return {
    server: slot.kind,
    implementation: slot.implementation,
    latencyProfileMs: SCENARIO_LATENCY_MS,
    ...summarizeStarts(runs),
    problems,
  };
}

/**
 * One fresh start of `slot` and its first ImageDashboard(20). `levelMs` is what one upstream level costs
 * at the least (the floor's unit: the latency, plus the round trip on a network path); `duringRequest` is
 * read just before and just after the request (e.g. the connections a proxy accepted).
 */
export async function measureFirstRequestStart(
  slot: ServerSlot,
  context: ScenarioContext,
  options: { label: string; levelMs?: number; duringRequest?: () => number },
): Promise<{ start: FirstRequestStart; problems: string[]; countedDuringRequest: number | null }> {
  const { control } = context;
  const { label, levelMs = SCENARIO_LATENCY_MS, duringRequest } = options;
  const settleMs = 50 + 2 * levelMs;
  await control.waitQuiet(settleMs);
  await control.resetCalls();
  const probeLog = new ProbeLog();
  const spawnedAt = performance.now();
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(probeLog.probed(slot), context.info, context.serverCore, 10);
  } catch (error) {
    probeLog.remove();
    throw error;
  }
  const readyAt = performance.now();
  try {
    const atReady = summarizeCalls(await control.calls());
    probeLog.readNew(); // the readiness polls
    const countedBefore = duringRequest?.();
    const answer = await execute(running.url, dashboardBody());
    const countedDuringRequest =
      duringRequest && countedBefore !== undefined ? duringRequest() - countedBefore : null;
    const problems = dashboardProblems(answer.status, answer.body);
    await sleep(settleMs);
    const records = probeLog.readRequests(running.url);
    const byRoute = await control.calls();
    const calls = summarizeCalls(byRoute);
    const tokenFetchedAtStart = atReady.iam > 0;
    const probe = records.length === 1 && records[0] ? criticalPath(records[0]) : null;
    const levels = probe?.levels ?? DASHBOARD_LEVELS + (tokenFetchedAtStart ? 0 : 1);
    const start: FirstRequestStart = {
      startupMs: readyAt - spawnedAt,
      ms: answer.ms,
      tokenFetchedAtStart,
      floorMs: levels * levelMs,
      upstream: calls.upstream,
      minimumCalls:
        problems.length === 0
          ? dashboardSpec().minimum(
              (JSON.parse(answer.body) as { data: Record<string, unknown> }).data,
              context.facts,
            ).calls
          : null,
      iam: calls.iam,
      byRoute,
      probe,
    };
    return { start, problems: problems.map((p) => `${label}: ${p}`), countedDuringRequest };
  } finally {
    await stop(running.proc, 2000);
    probeLog.remove();
  }
}

/** Medians over starts (outside, floor, spawn → ready) and over the starts the probe decomposed. */
export function summarizeStarts(
  runs: FirstRequestStart[],
): Pick<FirstRequestResult, 'starts' | 'medianMs' | 'medianFloorMs' | 'medianStartupMs' | 'inServer'> {
  const probed = runs.filter((run) => run.probe !== null);
  return {
    starts: runs,
    medianMs: percentile(
      runs.map((run) => run.ms),
      0.5,
    ),
    medianFloorMs: percentile(
      runs.map((run) => run.floorMs),
      0.5,
    ),
    medianStartupMs: percentile(
      runs.map((run) => run.startupMs),
      0.5,
    ),
    inServer: {
      ...summarizeCriticalPaths(probed.map((run) => run.probe as CriticalPath)),
      outsideMsP50: percentile(
        probed.map((run) => run.ms),
        0.5,
      ),
    },
  };
}
