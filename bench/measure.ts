/**
 * The measurement steps: start a server under test, the validation pass, and one operation measured on a
 * fresh server (cold, warm, sequential latency, load at fixed concurrency, CPU, memory, call counts).
 */
import { join } from 'node:path';
import { execute, runBurst, runLoad, type LoadOptions, type LoadResult } from './load';
import {
  documentOf,
  OPERATIONS,
  pickDetailTarget,
  validateResponse,
  type DetailTarget,
  type OperationSpec,
} from './operations';
import { cpuTimeMs, freePort, memory, sleep, spawnPinned, stop, waitIdle, type Managed } from './processes';
import type { CallSample, OperationResult, ServerKind } from './report';
import {
  summarizeCalls,
  type SimulatorControl,
  type SimulatorInfo,
  type UpstreamFacts,
} from './simulatorControl';

export const ROOT = join(__dirname, '..');
const TRACE = process.env.BENCH_TRACE === '1';
let traceStart = Date.now();
const trace = (what: string): void => {
  if (TRACE) process.stderr.write(`  [${Date.now() - traceStart} ms] ${what}\n`);
};

export interface MeasureOptions {
  quick: boolean;
  loadSeconds: number;
  sequentialSeconds: number;
  warmupSeconds: number;
  connections: number[];
}

// ---- servers under test --------------------------------------------------------------------------------

export interface ServerSlot {
  kind: ServerKind;
  implementation: 'gateway' | 'baseline';
  command: string[];
  /** Added to the common environment (e.g. `REDIS_URL` for the fleet scenario). */
  env?: NodeJS.ProcessEnv;
}

export function serverEnv(info: SimulatorInfo, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    HWC_REGION: info.region,
    HWC_PROJECT_ID: info.projectId,
    HWC_IAM_DOMAIN: info.domain,
    HWC_IAM_USER: info.user,
    HWC_IAM_PASSWORD: info.password,
    HWC_IAM_ENDPOINT: info.url,
    HWC_HSS_ENDPOINT: info.url,
    HWC_SWR_ENDPOINT: info.url,
    HWC_WORKSPACE_ENDPOINT: info.url,
    LOG_LEVEL: 'warn',
    // Upstream limits are off in the simulator, so the gateway's own quota limiter (src/config) must not throttle.
    HWC_QUOTA_LIMITER: 'off',
  };
}

export interface Running {
  proc: Managed;
  url: string;
}

export async function startServer(
  slot: ServerSlot,
  info: SimulatorInfo,
  core: number | null,
  /** Readiness poll interval; the first-request measurement polls finely to see "ready" promptly. */
  pollMs = 100,
): Promise<Running> {
  const port = await freePort();
  const [command, ...args] = slot.command as [string, ...string[]];
  const proc = spawnPinned(slot.kind, command, args, {
    env: { ...serverEnv(info, port), ...slot.env },
    core,
    cwd: ROOT,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const health = await fetch(`${base}/health`);
      if (health.ok) return { proc, url: `${base}/graphql` };
    } catch {
      // not listening yet
    }
    try {
      const probe = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      });
      if (probe.ok) return { proc, url: `${base}/graphql` };
    } catch {
      // not listening yet
    }
    await sleep(pollMs);
  }
  await stop(proc);
  throw new Error(`${slot.kind} did not become ready on ${base}\n${proc.output()}`);
}

// ---- one operation on one fresh server -----------------------------------------------------------------

export interface Reference {
  body: string;
  data: Record<string, unknown>;
}

/** Server idle (CPU) and no upstream call arriving: the next counter reset counts only what follows. */
export async function settle(proc: Managed, control: SimulatorControl, quietMs: number): Promise<void> {
  await waitIdle(proc.pid);
  await control.waitQuiet(quietMs);
}

export async function countedExecution(
  control: SimulatorControl,
  running: Running,
  body: string,
  settleMs: number,
): Promise<{ sample: CallSample; ms: number; status: number; text: string }> {
  await settle(running.proc, control, settleMs);
  await control.resetCalls();
  const url = running.url;
  const result = await execute(url, body);
  await sleep(settleMs); // background refreshes triggered by this request land in its count
  const byRoute = await control.calls();
  return {
    sample: { ...summarizeCalls(byRoute), byRoute },
    ms: result.ms,
    status: result.status,
    text: result.body,
  };
}

export async function measureOperation(args: {
  slot: ServerSlot;
  spec: OperationSpec;
  detail: DetailTarget | undefined;
  reference: Reference;
  info: SimulatorInfo;
  facts: UpstreamFacts;
  control: SimulatorControl;
  profileMs: number;
  options: MeasureOptions;
  serverCore: number | null;
  simulatorPid: number;
}): Promise<OperationResult> {
  const { slot, spec, detail, info, control, profileMs, options } = args;
  const body = JSON.stringify({
    query: documentOf(spec),
    operationName: spec.operationName,
    variables: spec.variables(detail),
  });
  const minimum = spec.minimum(args.reference.data, args.facts);
  const settleMs = 50 + 2 * profileMs;
  traceStart = Date.now();
  const running = await startServer(slot, info, args.serverCore);
  trace('started');
  const problems: string[] = [];
  try {
    const cold = await countedExecution(control, running, body, settleMs);
    problems.push(
      ...validateResponse(spec, cold.status, cold.text, detail).problems.map((p) => `cold: ${p}`),
    );
    const warm = await countedExecution(control, running, body, settleMs);
    const warmCheck = validateResponse(spec, warm.status, warm.text, detail);
    problems.push(...warmCheck.problems.map((p) => `warm: ${p}`));
    trace('cold+warm');
    const reference = warmCheck.problems.length === 0 ? warm.text : args.reference.body;
    const validate = (text: string): string[] => validateResponse(spec, 200, text, detail).problems;
    // Quick mode: fixed small bursts (autocannon runs last whole seconds); timings are not asserted there.
    const load = (connections: number, durationS: number): Promise<LoadResult> => {
      const common: LoadOptions = { url: running.url, body, connections, reference, validate };
      return options.quick
        ? runBurst({ ...common, amount: connections === 1 ? 5 : connections })
        : runLoad({ ...common, durationS });
    };

    await waitIdle(running.proc.pid);
    const sequential = await load(1, options.sequentialSeconds);
    trace('sequential');
    if (options.warmupSeconds > 0) {
      await load(10, options.warmupSeconds);
    }

    const loads: OperationResult['loads'] = [];
    for (const connections of options.connections) {
      // Each run starts on an idle server and ends when the server has worked off what autocannon left in
      // flight; CPU and upstream calls are divided by requests sent (completed + abandoned at the end).
      await settle(running.proc, control, settleMs);
      await control.resetCalls();
      const cpuBefore = cpuTimeMs(running.proc.pid);
      const simulatorBefore = cpuTimeMs(args.simulatorPid);
      const selfBefore = process.cpuUsage();
      const run = await load(connections, options.loadSeconds);
      const simulatorAfter = cpuTimeMs(args.simulatorPid);
      const self = process.cpuUsage(selfBefore);
      await settle(running.proc, control, settleMs);
      const cpuAfter = cpuTimeMs(running.proc.pid);
      const calls = summarizeCalls(await control.calls());
      trace(`load c=${connections}`);
      const sent = Math.max(run.sent, run.completed);
      loads.push({
        ...run,
        cpuMsPerRequest:
          cpuBefore !== null && cpuAfter !== null && sent > 0 ? (cpuAfter - cpuBefore) / sent : null,
        upstreamCallsPerRequest: sent > 0 ? calls.upstream / sent : 0,
        // Core 0 is shared: near 100 % together, the simulator/load generator may be what limits req/s.
        simulatorCpuPercent:
          simulatorBefore !== null && simulatorAfter !== null
            ? ((simulatorAfter - simulatorBefore) / (run.durationS * 1000)) * 100
            : null,
        loadGeneratorCpuPercent: ((self.user + self.system) / 1000 / (run.durationS * 1000)) * 100,
      });
    }
    for (const run of [sequential, ...loads]) {
      if (run.wrongAnswers > 0 || run.non2xx > 0) {
        problems.push(
          `under load (c=${run.connections}): ${run.wrongAnswers} wrong answers, ${run.non2xx} non-2xx` +
            (run.firstProblems.length ? ` — ${run.firstProblems[0]}` : ''),
        );
      }
    }
    const mem = memory(running.proc.pid);
    return {
      server: slot.kind,
      implementation: slot.implementation,
      operation: spec.key,
      latencyProfileMs: profileMs,
      minimum,
      floorMs: { cold: (minimum.levels + 1) * profileMs, warm: minimum.levels * profileMs },
      cold: { ...cold.sample, ms: cold.ms },
      warm: { ...warm.sample, ms: warm.ms },
      sequential,
      loads,
      memory: mem ? { peakRssMb: mem.peakRssMb, steadyRssMb: mem.rssMb } : null,
      problems,
    };
  } finally {
    await stop(running.proc, 2000);
  }
}

/** One server start: every operation once, validated; yields the references and the ImageDetail target. */
export async function validationPass(
  slot: ServerSlot,
  specs: readonly OperationSpec[],
  info: SimulatorInfo,
  core: number | null,
): Promise<{ references: Map<string, Reference | string[]>; detail: DetailTarget | undefined }> {
  const running = await startServer(slot, info, core);
  const references = new Map<string, Reference | string[]>();
  let detail: DetailTarget | undefined;
  try {
    // The dashboard goes first: ImageDetail opens one of its rows, by this server's own id.
    const dashboard = OPERATIONS[0] as OperationSpec;
    for (const spec of [dashboard, ...specs.filter((s) => s !== dashboard)]) {
      const body = JSON.stringify({
        query: documentOf(spec),
        operationName: spec.operationName,
        variables: spec.variables(detail),
      });
      const result = await execute(running.url, body);
      const checked = validateResponse(spec, result.status, result.body, detail);
      if (spec === dashboard && checked.data) detail = pickDetailTarget(checked.data);
      if (!specs.includes(spec)) continue;
      references.set(
        spec.key,
        checked.problems.length === 0 && checked.data
          ? { body: result.body, data: checked.data }
          : checked.problems,
      );
    }
  } finally {
    await stop(running.proc, 2000);
  }
  return { references, detail };
}
