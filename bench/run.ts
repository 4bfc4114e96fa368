/**
 * `npm run bench` — the gateway and the baseline side by side against the simulator.
 *
 *   npm run bench                  full run: 0 ms and 20 ms upstream latency, 5,000 images
 *   npm run bench -- --quick       CI: small dataset, 0 ms, short runs; exit 1 on a wrong answer or on
 *                                  gateway upstream calls above the stated minimum (timings never asserted)
 * Options: --duration <s> (per load run), --images <n>, --profiles 0,20, --only <operation key substring>,
 *          --gateway src (run the gateway from source with tsx, no build),
 *          --gateway baseline (dry run: the baseline also stands in the gateway slot),
 *          --standin-simulator (use bench/standinSimulator.ts even if src/simulator exists).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { execute, runBurst, runLoad, type LoadOptions, type LoadResult } from './load';
import {
  comparable,
  documentOf,
  firstDifference,
  OPERATIONS,
  pickDetailTarget,
  validateResponse,
  type DetailTarget,
  type OperationSpec,
} from './operations';
import {
  cpuCount,
  cpuTimeMs,
  freePort,
  memory,
  pinSelf,
  sleep,
  spawnPinned,
  stop,
  taskset,
  waitIdle,
  type Managed,
} from './processes';
import {
  renderMarkdown,
  writeJson,
  type BenchReport,
  type CallSample,
  type Check,
  type OperationResult,
  type ServerKind,
} from './report';
import {
  SimulatorControl,
  startSimulator,
  summarizeCalls,
  upstreamFacts,
  type SimulatorInfo,
  type UpstreamFacts,
} from './simulatorControl';

const ROOT = join(__dirname, '..');
const TRACE = process.env.BENCH_TRACE === '1';
let traceStart = Date.now();
const trace = (what: string): void => {
  if (TRACE) process.stderr.write(`  [${Date.now() - traceStart} ms] ${what}\n`);
};

interface Options {
  quick: boolean;
  images: number;
  profiles: number[];
  loadSeconds: number;
  sequentialSeconds: number;
  warmupSeconds: number;
  connections: number[];
  only?: string;
  /** `dist` (default: npm run build, node dist/main.js), `src` (tsx, no build), `baseline` (dry run). */
  gatewayFrom: 'dist' | 'src' | 'baseline';
  forceStandin: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const loadSeconds = Number(value('duration') ?? (quick ? 0.3 : 5));
  return {
    quick,
    images: Number(value('images') ?? (quick ? 600 : 5000)),
    profiles: (value('profiles') ?? (quick ? '0' : '0,20')).split(',').map(Number),
    loadSeconds,
    sequentialSeconds: quick ? 0.3 : Math.max(1, loadSeconds * 0.6),
    warmupSeconds: quick ? 0 : Math.max(1, loadSeconds * 0.4),
    connections: quick ? [10] : [10, 50],
    only: value('only'),
    gatewayFrom: value('gateway') === 'baseline' ? 'baseline' : value('gateway') === 'src' ? 'src' : 'dist',
    forceStandin: argv.includes('--standin-simulator'),
  };
}

// ---- servers under test --------------------------------------------------------------------------------

interface ServerSlot {
  kind: ServerKind;
  implementation: 'gateway' | 'baseline';
  command: string[];
}

function serverEnv(info: SimulatorInfo, port: number): NodeJS.ProcessEnv {
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
    // Upstream limits are off in the simulator, so the gateway's own quota limiter must not throttle.
    HWC_QUOTA_LIMITER: 'off',
    HWC_RATE_LIMIT: 'off',
  };
}

interface Running {
  proc: Managed;
  url: string;
}

async function startServer(slot: ServerSlot, info: SimulatorInfo, core: number | null): Promise<Running> {
  const port = await freePort();
  const [command, ...args] = slot.command as [string, ...string[]];
  const proc = spawnPinned(slot.kind, command, args, { env: serverEnv(info, port), core, cwd: ROOT });
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
    await sleep(100);
  }
  await stop(proc);
  throw new Error(`${slot.kind} did not become ready on ${base}\n${proc.output()}`);
}

// ---- one operation on one fresh server -----------------------------------------------------------------

interface Reference {
  body: string;
  data: Record<string, unknown>;
}

/** Server idle (CPU) and no upstream call arriving: the next counter reset counts only what follows. */
async function settle(proc: Managed, control: SimulatorControl, quietMs: number): Promise<void> {
  await waitIdle(proc.pid);
  await control.waitQuiet(quietMs);
}

async function countedExecution(
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

async function measureOperation(args: {
  slot: ServerSlot;
  spec: OperationSpec;
  detail: DetailTarget | undefined;
  reference: Reference;
  info: SimulatorInfo;
  facts: UpstreamFacts;
  control: SimulatorControl;
  profileMs: number;
  options: Options;
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
async function validationPass(
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

// ---- main ----------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg();
  const cores = cpuCount();
  const pinned = taskset() !== null && cores >= 2;
  const loadCore = pinned ? 0 : null;
  const serverCore = pinned ? 1 : null;
  if (pinned) pinSelf(0);
  const checks: Check[] = [];
  const notes: string[] = [];
  const check = (name: string, ok: boolean, detail?: string): void => void checks.push({ name, ok, detail });
  const specs = OPERATIONS.filter(
    (spec) => !options.only || spec.key.toLowerCase().includes(options.only.toLowerCase()),
  );

  // Servers: the gateway (built once) and the baseline.
  const tsx = [process.execPath, '--import', 'tsx'];
  const baseline: ServerSlot = {
    kind: 'baseline',
    implementation: 'baseline',
    command: [...tsx, 'bench/baseline/main.ts'],
  };
  const slots: ServerSlot[] = [];
  if (options.gatewayFrom === 'baseline') {
    slots.push({ ...baseline, kind: 'gateway' });
    notes.push(
      'Dry run: the baseline stands in the gateway slot (--gateway baseline); gateway call checks apply to it.',
    );
  } else if (options.gatewayFrom === 'src' && existsSync(join(ROOT, 'src/main.ts'))) {
    slots.push({ kind: 'gateway', implementation: 'gateway', command: [...tsx, 'src/main.ts'] });
    notes.push('The gateway ran from source through tsx (--gateway src), not from the build.');
  } else if (existsSync(join(ROOT, 'src/main.ts'))) {
    try {
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      slots.push({ kind: 'gateway', implementation: 'gateway', command: [process.execPath, 'dist/main.js'] });
    } catch (error) {
      const output = (error as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? String(error);
      check('gateway builds (npm run build)', false, output.slice(0, 500));
    }
  } else {
    notes.push(
      'No src/main.ts yet: the gateway is not measured (the baseline is). Dry-run both slots with --gateway baseline.',
    );
  }
  slots.push(baseline);

  const simulator = await startSimulator({
    images: options.images,
    seed: 1,
    core: loadCore,
    forceStandin: options.forceStandin,
  });
  if (simulator.implementation !== 'src/simulator') {
    notes.push(
      'src/simulator/cli.ts not found (or --standin-simulator): ran against bench/standinSimulator.ts.',
    );
  }
  const control = new SimulatorControl(simulator.info.url);
  const results: OperationResult[] = [];
  const agreement: BenchReport['agreement'] = [];
  let facts: UpstreamFacts | undefined;
  try {
    try {
      await control.disableRateLimits();
    } catch (error) {
      notes.push(`Could not switch simulator rate limits off: ${String(error).slice(0, 200)}`);
    }
    facts = await upstreamFacts(simulator.info);

    for (const profileMs of options.profiles) {
      await control.setLatency(profileMs);
      const answers = new Map<string, Map<string, Record<string, unknown>>>();
      for (const slot of slots) {
        const label = `${slot.kind}${slot.implementation !== slot.kind ? `(=${slot.implementation})` : ''} ${profileMs}ms`;
        let pass: Awaited<ReturnType<typeof validationPass>>;
        try {
          pass = await validationPass(slot, specs, simulator.info, serverCore);
        } catch (error) {
          check(`${label}: starts and answers`, false, String(error).slice(0, 800));
          continue;
        }
        const own = new Map<string, Record<string, unknown>>();
        answers.set(slot.kind, own);
        for (const spec of specs) {
          const reference = pass.references.get(spec.key);
          const valid = reference !== undefined && !Array.isArray(reference);
          check(
            `${label} ${spec.key}: answer valid`,
            valid,
            valid ? undefined : (reference ?? ['no answer']).slice(0, 5).join('; '),
          );
          if (!valid) continue;
          own.set(spec.key, reference.data);
          const began = Date.now();
          process.stderr.write(`measuring ${label} ${spec.key} … `);
          let result: OperationResult;
          try {
            result = await measureOperation({
              slot,
              spec,
              detail: pass.detail,
              reference,
              info: simulator.info,
              facts,
              control,
              profileMs,
              options,
              serverCore,
              simulatorPid: simulator.process.pid,
            });
          } catch (error) {
            check(`${label} ${spec.key}: measured`, false, String(error).slice(0, 800));
            continue;
          }
          results.push(result);
          process.stderr.write(`${((Date.now() - began) / 1000).toFixed(1)} s\n`);
          check(
            `${label} ${spec.key}: every answer right (cold, warm, under load)`,
            result.problems.length === 0,
            result.problems.slice(0, 3).join('; '),
          );
          if (slot.kind === 'gateway') {
            check(
              `${label} ${spec.key}: cold upstream calls ${result.cold.upstream} ≤ minimum ${result.minimum.calls}`,
              result.cold.upstream <= result.minimum.calls,
              JSON.stringify(result.cold.byRoute),
            );
            check(
              `${label} ${spec.key}: warm upstream calls ${result.warm.upstream} ≤ minimum ${result.minimum.warmCalls}`,
              result.warm.upstream <= result.minimum.warmCalls,
              JSON.stringify(result.warm.byRoute),
            );
          }
        }
      }
      // Same data from both servers (ids and cursors are opaque and may differ): informational.
      const gateway = answers.get('gateway');
      const base = answers.get('baseline');
      for (const spec of specs) {
        const a = gateway?.get(spec.key);
        const b = base?.get(spec.key);
        if (!a || !b) continue;
        const difference = firstDifference(comparable(a), comparable(b));
        agreement.push({
          operation: spec.key,
          latencyProfileMs: profileMs,
          agree: !difference,
          firstDifference: difference,
        });
      }
    }
  } finally {
    await stop(simulator.process);
  }

  const report: BenchReport = {
    startedAt,
    mode: options.quick ? 'quick' : 'full',
    environment: {
      node: process.version,
      cpu: cpus()[0]?.model,
      cores,
      // Other work on the machine makes timings noisy; compare these with the cores count.
      loadAverage: { atStart: loadAverageAtStart, atEnd: loadavg() },
      taskset: taskset() ?? 'absent',
      simulator: simulator.implementation,
      images: options.images,
      loadSeconds: options.loadSeconds,
      sequentialSeconds: options.sequentialSeconds,
      warmupSeconds: options.warmupSeconds,
      facts,
    },
    layout: pinned
      ? {
          'core 0': 'simulator + load generator (this process, autocannon)',
          'core 1': 'server under test (gateway, then baseline; one at a time)',
        }
      : { unpinned: `taskset ${taskset() ? 'present' : 'absent'}, ${cores} core(s): processes share cores` },
    results,
    agreement,
    notes,
    checks,
  };
  const file = writeJson(report, join(ROOT, 'bench', 'results'));
  console.log(renderMarkdown(report));
  console.log(`JSON: ${file}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
