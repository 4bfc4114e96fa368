/**
 * The three-replica scenario (`--fleet`): one throwaway redis-server and three gateway processes sharing it
 * through `REDIS_URL`, against the same simulator as the single-replica runs. Per operation:
 *
 * - calls, sequential: a fresh fleet (fresh processes, an unused `REDIS_KEY_PREFIX`: empty shared state),
 *   one cold execution through A, then the same through B, then C, then A again;
 * - calls, same moment: another fresh fleet, the same cold request to A, B and C at once;
 * - cost of the shared layer: A (warm) vs the same gateway in memory mode, sequential requests, latency and
 *   the server's own CPU per request, one after the other in this run;
 * - full mode: load at each connection count spread round-robin over A, B and C.
 *
 * Every answer is validated; the checks are about calls only (timings are never asserted).
 */
import { RedisServer } from '../test/support/redisServer';
import type { Check } from './report';
import { execute, runBurst, runLoad, type LoadOptions, type LoadResult } from './load';
import {
  countedExecution,
  measureOperation as measureOperationOnOneServer,
  settle,
  startServer,
  type MeasureOptions,
  type Running,
  type ServerSlot,
} from './measure';
import { documentOf, validateResponse, type OperationSpec } from './operations';
import { cpuTimeMs, pinProcess, sleep, stop, waitIdle } from './processes';
import type { OperationResult } from './report';
import {
  quotient,
  singleFigures,
  type CountedSample,
  type FleetLoad,
  type FleetResult,
  type SequentialCost,
} from './fleetReport';
import { summarizeCalls, type SimulatorControl } from './simulatorControl';

const REPLICAS = 3;
/** `--quick` keeps the fleet to these operations (about a minute with the build's start-up times). */
const QUICK_FLEET_OPERATIONS = ['ImageDashboard(20)', 'ImageDetail'];

/** The operations the fleet scenario measures: all selected ones, or in `--quick` the minimal set. */
export function fleetSpecs(specs: readonly OperationSpec[], quick: boolean): OperationSpec[] {
  return quick ? specs.filter((spec) => QUICK_FLEET_OPERATIONS.includes(spec.key)) : [...specs];
}
/** Sequential requests per server for the shared-layer cost in `--quick` (a burst, not a timed run). */
const QUICK_SEQUENTIAL_REQUESTS = 20;

/** What one operation's measurement gets (`measure.ts`), plus the gateway to run as a fleet. */
export type FleetArgs = Pick<
  Parameters<typeof measureOperationOnOneServer>[0],
  'detail' | 'info' | 'facts' | 'control' | 'profileMs' | 'options' | 'serverCore'
> & {
  gateway: ServerSlot;
  specs: readonly OperationSpec[];
  /** The single-replica results of this run, shown side by side. */
  singleResults: readonly OperationResult[];
};

/** Runs the scenario for every spec at the current latency profile; one Redis for the whole profile. */
export async function measureFleet(args: FleetArgs): Promise<{ results: FleetResult[]; checks: Check[] }> {
  let redis: RedisServer;
  try {
    redis = await RedisServer.start();
  } catch (error) {
    return {
      results: [],
      checks: [{ name: 'fleet: redis-server starts', ok: false, detail: String(error) }],
    };
  }
  if (args.serverCore !== null && redis.pid !== undefined) pinProcess(redis.pid, args.serverCore);
  const results: FleetResult[] = [];
  const checks: Check[] = [];
  let fleetNumber = 0;
  const fleetSlot = (): ServerSlot => ({
    ...args.gateway,
    env: {
      REDIS_URL: redis.url,
      // Three replicas and Redis share the server core: a cold page costs each replica its own CPU, so on a
      // busy machine the default 15 s request deadline can cancel a holder's calls and make the replicas
      // waiting for them call themselves. The scenario counts calls, not deadlines.
      GATEWAY_REQUEST_TIMEOUT_MS: '60000',
      // An unused prefix is an empty shared state (cache, leases, quota, presence): a cold fleet.
      REDIS_KEY_PREFIX: `bench-fleet-${process.pid}-${(fleetNumber += 1)}:`,
    },
  });
  try {
    for (const spec of args.specs) {
      const label = `fleet ${args.profileMs}ms ${spec.key}`;
      const began = Date.now();
      process.stderr.write(`measuring ${label} … `);
      try {
        const result = await measureOperation(args, spec, fleetSlot, redis);
        results.push(result);
        checks.push(...checksOf(label, result));
      } catch (error) {
        checks.push({ name: `${label}: measured`, ok: false, detail: String(error).slice(0, 800) });
      }
      process.stderr.write(`${((Date.now() - began) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await redis.stop();
  }
  return { results, checks };
}

function checksOf(label: string, r: FleetResult): Check[] {
  const { a, b, c } = r.sequential;
  const routes = (sample: { byRoute: Record<string, number> }) => JSON.stringify(sample.byRoute);
  return [
    {
      name: `${label}: every answer right`,
      ok: r.problems.length === 0,
      detail: r.problems.slice(0, 3).join('; '),
    },
    {
      name: `${label}: fleet cold calls through A ${a.upstream} ≤ minimum ${r.minimum.calls}`,
      ok: a.upstream <= r.minimum.calls,
      detail: routes(a),
    },
    {
      name: `${label}: then B and C ${b.upstream} + ${c.upstream} ≤ warm minimum ${r.minimum.warmCalls} each`,
      ok: b.upstream <= r.minimum.warmCalls && c.upstream <= r.minimum.warmCalls,
      detail: `${routes(b)} ${routes(c)}`,
    },
    {
      name: `${label}: same cold request on A, B and C at once ${r.simultaneous.upstream} ≤ minimum ${r.minimum.calls}`,
      ok: r.simultaneous.upstream <= r.minimum.calls,
      detail: routes(r.simultaneous),
    },
  ];
}

async function measureOperation(
  args: FleetArgs,
  spec: OperationSpec,
  fleetSlot: () => ServerSlot,
  redis: RedisServer,
): Promise<FleetResult> {
  const { control, profileMs, options } = args;
  const body = JSON.stringify({
    query: documentOf(spec),
    operationName: spec.operationName,
    variables: spec.variables(args.detail),
  });
  const settleMs = 50 + 2 * profileMs;
  const problems: string[] = [];
  const validated = (step: string, status: number, text: string) => {
    const checked = validateResponse(spec, status, text, args.detail);
    problems.push(...checked.problems.map((p) => `${step}: ${p}`));
    return checked;
  };

  // Same moment: a fresh fleet, one cold request to each replica at once.
  let simultaneous: FleetResult['simultaneous'];
  {
    const fleet = await startFleet(fleetSlot(), args);
    try {
      await settleAll(fleet, control, settleMs);
      await control.resetCalls();
      const answers = await Promise.all(fleet.map((replica) => execute(replica.url, body)));
      await sleep(settleMs);
      const byRoute = await control.calls();
      answers.forEach((answer, k) => validated(`same moment, replica ${k + 1}`, answer.status, answer.body));
      simultaneous = { ...summarizeCalls(byRoute), byRoute, ms: answers.map((answer) => answer.ms) };
    } finally {
      await Promise.all(fleet.map((replica) => stop(replica.proc, 2000)));
    }
  }

  // Sequential: a fresh fleet, A cold, then B, C, A again; then the shared-layer cost and the loads on it.
  const fleet = await startFleet(fleetSlot(), args);
  try {
    const [a, b, c] = fleet as [Running, Running, Running];
    const counted = async (step: string, replica: Running): Promise<CountedSample & { text: string }> => {
      await settleAll(fleet, control, settleMs);
      const run = await countedExecution(control, replica, body, settleMs);
      const checked = validated(step, run.status, run.text);
      return { ...run.sample, ms: run.ms, text: checked.problems.length === 0 ? run.text : '' };
    };
    const coldA = await counted('A cold', a);
    const thenB = await counted('then B', b);
    const thenC = await counted('then C', c);
    const againA = await counted('A again', a);
    const minimum = spec.minimum(validated('minimum', 200, coldA.text).data ?? {}, args.facts);
    const reference = thenB.text || coldA.text;
    const validate = (text: string): string[] => validateResponse(spec, 200, text, args.detail).problems;
    const strip = ({ text: _text, ...sample }: CountedSample & { text: string }): CountedSample => sample;

    // Shared-layer cost: the same gateway in memory mode (fresh, warmed), then replica A (warm).
    const memoryServer = await startServer(args.gateway, args.info, args.serverCore);
    let memory: SequentialCost;
    try {
      await execute(memoryServer.url, body);
      await execute(memoryServer.url, body);
      memory = await sequentialCost(memoryServer, { body, reference, validate }, options, problems);
    } finally {
      await stop(memoryServer.proc, 2000);
    }
    await settleAll(fleet, control, settleMs);
    const shared = await sequentialCost(a, { body, reference, validate }, options, problems, redis.pid);

    const loads: FleetLoad[] = [];
    if (!options.quick) {
      const urls = fleet.map((replica) => replica.url);
      if (options.warmupSeconds > 0)
        await runLoad({
          url: urls,
          body,
          connections: 10,
          durationS: options.warmupSeconds,
          reference,
          validate,
        });
      for (const connections of options.connections) {
        loads.push(
          await fleetLoad(
            fleet,
            { url: urls, body, connections, reference, validate },
            args,
            redis.pid,
            settleMs,
          ),
        );
      }
      for (const load of loads) {
        if (load.wrongAnswers > 0 || load.non2xx > 0 || load.errors > 0) {
          problems.push(
            `fleet load c=${load.connections}: ${load.wrongAnswers} wrong answers, ${load.non2xx} non-2xx, ${load.errors} errors` +
              (load.firstProblems.length ? ` — ${load.firstProblems[0]}` : ''),
          );
        }
      }
    }

    return {
      operation: spec.key,
      latencyProfileMs: profileMs,
      minimum,
      single: singleFigures(args.singleResults, spec.key, profileMs),
      sequential: { a: strip(coldA), b: strip(thenB), c: strip(thenC), aAgain: strip(againA) },
      simultaneous,
      layerCost: {
        memory,
        shared,
        ratio: {
          p50: quotient(shared.p50Ms, memory.p50Ms),
          p99: quotient(shared.p99Ms, memory.p99Ms),
          cpuMsPerRequest: quotient(shared.cpuMsPerRequest, memory.cpuMsPerRequest),
        },
      },
      loads,
      problems,
    };
  } finally {
    await Promise.all(fleet.map((replica) => stop(replica.proc, 2000)));
  }
}

/**
 * Three replicas of `slot`, all on the server core (the core the single gateway had). Started one after
 * the other: three start-ups at once on one core of a busy machine can pass the readiness deadline.
 */
async function startFleet(slot: ServerSlot, args: FleetArgs): Promise<Running[]> {
  const fleet: Running[] = [];
  try {
    for (let k = 1; k <= REPLICAS; k += 1) {
      const running = await startServer(slot, args.info, args.serverCore);
      running.proc.name = `gateway replica ${k}`;
      fleet.push(running);
    }
  } catch (error) {
    await Promise.all(fleet.map((replica) => stop(replica.proc, 2000)));
    throw error;
  }
  return fleet;
}

/** Every replica idle and no upstream call arriving. */
async function settleAll(
  fleet: readonly Running[],
  control: SimulatorControl,
  quietMs: number,
): Promise<void> {
  for (const replica of fleet.slice(1)) await waitIdle(replica.proc.pid);
  await settle((fleet[0] as Running).proc, control, quietMs);
}

/** Sequential warm requests (one connection) and the server's own CPU over them. */
async function sequentialCost(
  server: Running,
  request: Pick<LoadOptions, 'body' | 'reference' | 'validate'>,
  options: MeasureOptions,
  problems: string[],
  redisPid?: number,
): Promise<SequentialCost> {
  await waitIdle(server.proc.pid);
  const cpuBefore = cpuTimeMs(server.proc.pid);
  const redisBefore = redisPid === undefined ? null : cpuTimeMs(redisPid);
  const common: LoadOptions = { ...request, url: server.url, connections: 1 };
  const run: LoadResult = options.quick
    ? await runBurst({ ...common, amount: QUICK_SEQUENTIAL_REQUESTS })
    : await runLoad({ ...common, durationS: options.sequentialSeconds });
  await waitIdle(server.proc.pid);
  const cpuAfter = cpuTimeMs(server.proc.pid);
  const redisAfter = redisPid === undefined ? null : cpuTimeMs(redisPid);
  const sent = Math.max(run.sent, run.completed);
  if (run.wrongAnswers > 0 || run.non2xx > 0) {
    problems.push(
      `sequential on ${server.proc.name}: ${run.wrongAnswers} wrong answers, ${run.non2xx} non-2xx`,
    );
  }
  const perRequest = (before: number | null, after: number | null): number | null =>
    before !== null && after !== null && sent > 0 ? (after - before) / sent : null;
  return {
    requests: run.completed,
    p50Ms: run.latencyMs.p50,
    p99Ms: run.latencyMs.p99,
    cpuMsPerRequest: perRequest(cpuBefore, cpuAfter),
    ...(redisPid !== undefined && { redisCpuMsPerRequest: perRequest(redisBefore, redisAfter) }),
  };
}

/** One load run over the three replicas: req/s, answers, CPU of the replicas and of Redis, upstream calls. */
async function fleetLoad(
  fleet: readonly Running[],
  load: LoadOptions,
  args: FleetArgs,
  redisPid: number | undefined,
  settleMs: number,
): Promise<FleetLoad> {
  await settleAll(fleet, args.control, settleMs);
  await args.control.resetCalls();
  const before = fleet.map((replica) => cpuTimeMs(replica.proc.pid));
  const redisBefore = redisPid === undefined ? null : cpuTimeMs(redisPid);
  const run = await runLoad({ ...load, durationS: args.options.loadSeconds });
  await settleAll(fleet, args.control, settleMs);
  const replicaCpuMs = fleet.map((replica, k) => {
    const after = cpuTimeMs(replica.proc.pid);
    const was = before[k];
    return after !== null && was !== null && was !== undefined ? after - was : null;
  });
  const redisAfter = redisPid === undefined ? null : cpuTimeMs(redisPid);
  const calls = summarizeCalls(await args.control.calls());
  const sent = Math.max(run.sent, run.completed);
  const total = replicaCpuMs.every((ms) => ms !== null)
    ? replicaCpuMs.reduce<number>((sum, ms) => sum + (ms as number), 0)
    : null;
  return {
    ...run,
    cpuMsPerRequest: total !== null && sent > 0 ? total / sent : null,
    redisCpuMsPerRequest:
      redisBefore !== null && redisAfter !== null && sent > 0 ? (redisAfter - redisBefore) / sent : null,
    upstreamCallsPerRequest: sent > 0 ? calls.upstream / sent : 0,
    replicaCpuMs,
  };
}
