/**
 * The issue-11 scenarios, run after the per-operation measurements, at the scenario latency (20 ms), for
 * each server slot in turn: cache-cold pages in a warm process, the first request after start, and — for
 * the gateway only — the RSS soak (`--soak <s>`) and the CPU profile (`--cpu-profile`). Their answers are
 * checked like every other (a failing check on a wrong answer, or on gateway cold-page calls above the
 * minimum); their timings only feed the figures and the targets table.
 */
import { join } from 'node:path';
import { coldPageFilters, measureColdPages, type ColdPageResult } from './coldPage';
import { profileWarmLoad, type CpuProfileSummary } from './cpuProfile';
import { measureFirstRequests, type FirstRequestResult } from './firstRequest';
import type { ServerSlot } from './measure';
import {
  gatewayCallsAboveMinimum,
  measureNetworkFirstRequests,
  type NetworkFirstRequestResult,
} from './networkFirstRequest';
import type { OperationResult } from './report';
import { measureSoak, type SoakResult } from './soak';
import { targetRows, type TargetRow } from './targets';
import { measureTimeline, type TimelineResult } from './upstreamTimeline';
import { SCENARIO_LATENCY_MS, type ScenarioContext } from './warmDashboard';

export interface ScenarioOptions {
  /** Measured cold pages per server, after `warmupPages` unmeasured ones. */
  coldPages: number;
  warmupPages: number;
  /** Cold pages decomposed through the recording proxy (a separate warm server per slot). */
  timelinePages: number;
  /** Fresh starts for the first-request figure (and per variant for the one over a network path). */
  starts: number;
  /** Round trip of the TLS network path for the first request over it (bench/networkFirstRequest.ts); null: not run. */
  networkRoundTripMs: number | null;
  /** 0: no soak. */
  soakSeconds: number;
  cpuProfile: boolean;
}

export interface ScenarioFigures {
  latencyProfileMs: number;
  coldPages: ColdPageResult[];
  timeline: TimelineResult[];
  firstRequest: FirstRequestResult[];
  /** The first request through TLS and a network round trip; absent when not run. */
  networkFirstRequest?: NetworkFirstRequestResult;
  /** Gateway only: a baseline soak would double a 10-minute step. */
  soak: SoakResult[];
  cpuProfile: CpuProfileSummary[];
}

export interface ScenarioResults extends ScenarioFigures {
  targets: TargetRow[];
}

type CheckFn = (name: string, ok: boolean, detail?: string) => void;

export async function runScenarios(args: {
  slots: readonly ServerSlot[];
  context: ScenarioContext;
  options: ScenarioOptions;
  results: readonly OperationResult[];
  check: CheckFn;
  /** Where the CPU profile goes (gitignored). */
  resultsDir: string;
  stamp: string;
}): Promise<ScenarioResults> {
  const { slots, context, options, check } = args;
  const figures: ScenarioFigures = {
    latencyProfileMs: SCENARIO_LATENCY_MS,
    coldPages: [],
    timeline: [],
    firstRequest: [],
    soak: [],
    cpuProfile: [],
  };
  await context.control.setLatency(SCENARIO_LATENCY_MS);
  const step = async <T>(
    label: string,
    run: () => Promise<T>,
    problems: (result: T) => string[],
  ): Promise<T | undefined> => {
    process.stderr.write(`scenario ${label} … `);
    const began = Date.now();
    try {
      const result = await run();
      const found = problems(result);
      check(`${label}: every answer right`, found.length === 0, found.slice(0, 3).join('; '));
      process.stderr.write(`${((Date.now() - began) / 1000).toFixed(1)} s\n`);
      return result;
    } catch (error) {
      process.stderr.write('failed\n');
      check(`${label}: measured`, false, String(error).slice(0, 800));
      return undefined;
    }
  };

  let filters: Awaited<ReturnType<typeof coldPageFilters>> = [];
  try {
    filters = await coldPageFilters(context.info, options.warmupPages + options.coldPages);
    if (filters.length <= options.warmupPages) {
      throw new Error(
        `only ${filters.length} repositories of 3–5 private images past the warm page (--images?)`,
      );
    }
  } catch (error) {
    check('cold pages: repositories to filter on', false, String(error).slice(0, 300));
  }
  for (const slot of slots) {
    const label = `${slot.kind} ${SCENARIO_LATENCY_MS}ms`;
    if (filters.length > 0) {
      const cold = await step(
        `${label} cold pages`,
        () => measureColdPages(slot, context, filters, options.warmupPages),
        (r) => r.problems,
      );
      if (cold) {
        figures.coldPages.push(cold);
        if (slot.kind === 'gateway') {
          const above = cold.pages.filter((page) => page.upstream > page.minimumCalls);
          check(
            `${label} cold pages: upstream calls ≤ minimum on every page`,
            above.length === 0,
            above
              .map(
                (page) =>
                  `${page.filter}: ${page.upstream} > ${page.minimumCalls} ${JSON.stringify(page.byRoute)}`,
              )
              .join('; '),
          );
        }
      }
    }
    if (filters.length > 0 && options.timelinePages > 0) {
      const timeline = await step(
        `${label} cold-page timeline`,
        () =>
          measureTimeline(
            slot,
            context,
            filters.slice(0, options.warmupPages + options.timelinePages),
            options.warmupPages,
          ),
        (r) => r.problems,
      );
      if (timeline) figures.timeline.push(timeline);
    }
    const first = await step(
      `${label} first request after start`,
      () => measureFirstRequests(slot, context, options.starts),
      (r) => r.problems,
    );
    if (first) figures.firstRequest.push(first);
  }

  if (options.networkRoundTripMs !== null) {
    const network = await step(
      `first request after start over TLS + ${options.networkRoundTripMs} ms round trip`,
      () =>
        measureNetworkFirstRequests(slots, context, {
          starts: options.starts,
          roundTripMs: options.networkRoundTripMs ?? 0,
        }),
      (r) => r.problems,
    );
    if (network) {
      figures.networkFirstRequest = network;
      const above = gatewayCallsAboveMinimum(network);
      check(
        'first request over a network path: gateway upstream calls ≤ minimum on every start',
        above.length === 0,
        above.join('; '),
      );
    }
  }

  const gateway = slots.find((slot) => slot.kind === 'gateway');
  if (gateway && options.soakSeconds > 0) {
    const soak = await step(
      `gateway ${SCENARIO_LATENCY_MS}ms soak ${options.soakSeconds} s`,
      () => measureSoak(gateway, context, options.soakSeconds),
      (r) => r.problems,
    );
    if (soak) figures.soak.push(soak);
  }
  if (gateway && options.cpuProfile) {
    const profile = await step(
      `gateway ${SCENARIO_LATENCY_MS}ms CPU profile`,
      () => profileWarmLoad(gateway, context, join(args.resultsDir, `cpuprofile-${args.stamp}`)),
      (r) => r.problems,
    );
    if (profile) figures.cpuProfile.push(profile);
  }
  return { ...figures, targets: targetRows(args.results, figures) };
}
