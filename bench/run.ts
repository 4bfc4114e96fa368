/**
 * `npm run bench` — the gateway and the baseline side by side against the simulator.
 *
 *   npm run bench                  full run: 0 ms and 20 ms upstream latency, 5,000 images
 *   npm run bench -- --quick       CI: small dataset, 0 ms, short runs; exit 1 on a wrong answer or on
 *                                  gateway upstream calls above the stated minimum (timings never asserted)
 * Options: --duration <s> (per load run), --images <n>, --profiles 0,20, --only <operation key substring>,
 *          --gateway src (run the gateway from source with tsx, no build),
 *          --gateway baseline (dry run: the baseline also stands in the gateway slot),
 *          --no-fleet (skip the three-replica Redis scenario), --fleet-only (fleet + the single gateway only)
 *          --soak <s> (RSS soak, default 600 full / 0 quick), --cpu-profile, --no-scenarios (see bench/scenarios.ts)
 *          --node <binary> (the servers under test run on this Node, e.g. the container's Node 24; the
 *          simulator and the load generator stay on the one running the benchmark),
 *          --scenarios-only (no per-operation measurements and no fleet: the scenarios alone),
 *          --network-rtt <ms> (round trip of the TLS path for the first request over it; default 10, not in --quick)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { measureOperation, validationPass, type MeasureOptions, type ServerSlot } from './measure';
import { fleetSpecs, measureFleet } from './fleet';
import type { FleetResult } from './fleetReport';
import { comparable, firstDifference, OPERATIONS, type DetailTarget } from './operations';
import { cpuCount, pinSelf, stop, taskset } from './processes';
import { renderMarkdown, writeJson, type BenchReport, type Check, type OperationResult } from './report';
import { DEFAULT_NETWORK_ROUND_TRIP_MS, parseRoundTripMs } from './networkPath';
import { runScenarios, type ScenarioOptions } from './scenarios';
import { SimulatorControl, startSimulator, upstreamFacts, type UpstreamFacts } from './simulatorControl';

const ROOT = join(__dirname, '..');

interface Options extends MeasureOptions {
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
  /** The three-replica Redis scenario (`bench/fleet.ts`); `fleetOnly` also leaves the baseline out. */
  fleet: boolean;
  fleetOnly: boolean;
  /** The Node binary the gateway and the baseline run on (default: the one running the benchmark). */
  serverNode: string;
  /** The issue-11 scenarios after the operations (when ImageDashboard(20) is selected); null: --no-scenarios. */
  scenarios: ScenarioOptions | null;
  /** Skip the per-operation measurements (and with them the fleet): the scenarios alone. */
  scenariosOnly: boolean;
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
    serverNode: value('node') ?? process.execPath,
    fleet: !argv.includes('--no-fleet'),
    fleetOnly: argv.includes('--fleet-only'),
    scenariosOnly: argv.includes('--scenarios-only'),
    scenarios: argv.includes('--no-scenarios')
      ? null
      : {
          coldPages: quick ? 5 : 25,
          warmupPages: 3,
          timelinePages: quick ? 3 : 10,
          starts: quick ? 1 : 3,
          // Not part of the quick CI run unless asked for; the value is checked even then.
          networkRoundTripMs: argv.includes('--network-rtt')
            ? parseRoundTripMs(value('network-rtt'))
            : quick
              ? null
              : DEFAULT_NETWORK_ROUND_TRIP_MS,
          soakSeconds: Number(value('soak') ?? (quick ? 0 : 600)),
          cpuProfile: argv.includes('--cpu-profile'),
        },
  };
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
  const serverNodeVersion = execFileSync(options.serverNode, ['--version'], { encoding: 'utf8' }).trim();
  const tsx = [options.serverNode, '--import', 'tsx'];
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
      slots.push({
        kind: 'gateway',
        implementation: 'gateway',
        command: [options.serverNode, 'dist/main.js'],
      });
    } catch (error) {
      const output = (error as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? String(error);
      check('gateway builds (npm run build)', false, output.slice(0, 500));
    }
  } else {
    notes.push(
      'No src/main.ts yet: the gateway is not measured (the baseline is). Dry-run both slots with --gateway baseline.',
    );
  }
  if (!options.fleetOnly) slots.push(baseline);

  const simulator = await startSimulator({
    images: options.images,
    seed: 1,
    core: loadCore,
  });
  const control = new SimulatorControl(simulator.info.url);
  const results: OperationResult[] = [];
  const fleet: FleetResult[] = [];
  const agreement: BenchReport['agreement'] = [];
  let facts: UpstreamFacts | undefined;
  let scenarios: BenchReport['scenarios'];
  try {
    try {
      await control.disableRateLimits();
    } catch (error) {
      notes.push(`Could not switch simulator rate limits off: ${String(error).slice(0, 200)}`);
    }
    facts = await upstreamFacts(simulator.info);

    for (const profileMs of options.scenariosOnly ? [] : options.profiles) {
      await control.setLatency(profileMs);
      const answers = new Map<string, Map<string, Record<string, unknown>>>();
      let gatewayDetail: DetailTarget | undefined;
      for (const slot of slots) {
        const label = `${slot.kind}${slot.implementation !== slot.kind ? `(=${slot.implementation})` : ''} ${profileMs}ms`;
        let pass: Awaited<ReturnType<typeof validationPass>>;
        try {
          pass = await validationPass(slot, specs, simulator.info, serverCore);
        } catch (error) {
          check(`${label}: starts and answers`, false, String(error).slice(0, 800));
          continue;
        }
        if (slot.kind === 'gateway') gatewayDetail = pass.detail;
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
      // The three-replica Redis scenario, next to the single gateway just measured (bench/fleet.ts).
      const fleetGateway = slots.find((slot) => slot.kind === 'gateway' && slot.implementation === 'gateway');
      if (options.fleet && fleetGateway) {
        const measured = await measureFleet({
          gateway: fleetGateway,
          specs: fleetSpecs(specs, options.quick),
          detail: gatewayDetail,
          info: simulator.info,
          facts,
          control,
          profileMs,
          options,
          serverCore,
          singleResults: results,
        });
        fleet.push(...measured.results);
        checks.push(...measured.checks);
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
    if (options.scenarios && !options.fleetOnly && specs.some((spec) => spec.key === 'ImageDashboard(20)')) {
      scenarios = await runScenarios({
        slots,
        context: { ...options, info: simulator.info, control, facts, serverCore },
        options: options.scenarios,
        results,
        check,
        resultsDir: join(ROOT, 'bench', 'results'),
        stamp: startedAt.replace(/[:.]/g, '-'),
      });
    }
  } finally {
    await stop(simulator.process);
  }

  const report: BenchReport = {
    startedAt,
    mode: options.quick ? 'quick' : 'full',
    environment: {
      node: process.version,
      // The gateway's and the baseline's Node (--node); the simulator and load generator run on `node`.
      serverNode: serverNodeVersion,
      cpu: cpus()[0]?.model,
      cores,
      // Other work on the machine makes timings noisy; compare these with the cores count.
      loadAverage: { atStart: loadAverageAtStart, atEnd: loadavg() },
      taskset: taskset() ?? 'absent',
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
    fleet,
    agreement,
    scenarios,
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
