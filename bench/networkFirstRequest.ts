/**
 * The first request after start when the upstream is not on loopback: every server under test reaches the
 * simulator (scenario latency) through one network path (bench/networkPath.ts: TLS, and a round trip of
 * `--network-rtt` ms), its four endpoints at that path's https URL. On loopback a new connection is free,
 * so connections the gateway opens before listening (HWC_PREOPEN_CONNECTIONS) change nothing there; here
 * each new one costs its TLS handshake. Variants: the gateway with its default settings, the gateway with
 * HWC_PREOPEN_CONNECTIONS=0, and the baseline; fresh starts alternate between them start by start, so
 * the machine's noise falls on all alike. Per start: readiness → first ImageDashboard(20) (checked like the
 * first-request scenario), the connections the path accepted during that request, and the simulator's
 * call counts (opening connections sends no request: the gateway's calls stay at the minimum).
 * Nominal floor = levels × (latency + round trip), with every connection already open.
 */
import type { ServerSlot } from './measure';
import {
  measureFirstRequestStart,
  summarizeStarts,
  type FirstRequestResult,
  type FirstRequestStart,
} from './firstRequest';
import { NetworkPath } from './networkPath';
import { SCENARIO_LATENCY_MS, percentile, type ScenarioContext } from './warmDashboard';

export interface NetworkStart extends FirstRequestStart {
  /** Connections the path accepted between sending the request and its answer. */
  newConnections: number;
}

export interface NetworkVariant extends Pick<
  FirstRequestResult,
  'server' | 'implementation' | 'medianMs' | 'medianFloorMs' | 'medianStartupMs' | 'inServer'
> {
  /** e.g. `gateway`, `gateway HWC_PREOPEN_CONNECTIONS=0`, `baseline`. */
  name: string;
  /** Added to the server's environment beyond the path's endpoints. */
  env: Record<string, string>;
  starts: NetworkStart[];
  medianNewConnections: number;
}

export interface NetworkFirstRequestResult {
  latencyProfileMs: number;
  roundTripMs: number;
  /** What one upstream level costs at the least on this path: latency + round trip. */
  levelMs: number;
  variants: NetworkVariant[];
  problems: string[];
}

/** The variants `slots` allow: the gateway twice (default, no pre-opened connections), the baseline. */
export function networkVariants(
  slots: readonly ServerSlot[],
): { name: string; slot: ServerSlot; env: Record<string, string> }[] {
  return slots.flatMap((slot) => {
    const own = { name: slot.kind, slot, env: {} };
    if (slot.kind !== 'gateway' || slot.implementation !== 'gateway') return [own];
    return [own, { name: 'gateway HWC_PREOPEN_CONNECTIONS=0', slot, env: { HWC_PREOPEN_CONNECTIONS: '0' } }];
  });
}

export async function measureNetworkFirstRequests(
  slots: readonly ServerSlot[],
  context: ScenarioContext,
  options: { starts: number; roundTripMs: number },
): Promise<NetworkFirstRequestResult> {
  const path = await NetworkPath.start({
    targetPort: Number(new URL(context.info.url).port),
    roundTripMs: options.roundTripMs,
  });
  const levelMs = SCENARIO_LATENCY_MS + options.roundTripMs;
  const variants = networkVariants(slots);
  const starts = variants.map((): NetworkStart[] => []);
  const problems: string[] = [];
  try {
    for (let i = 0; i < options.starts; i += 1) {
      for (const [index, variant] of variants.entries()) {
        const measured = await measureFirstRequestStart(
          { ...variant.slot, env: { ...variant.slot.env, ...path.serverEnv(), ...variant.env } },
          context,
          {
            label: `${variant.name} start ${i + 1}`,
            levelMs,
            duringRequest: () => path.acceptedConnections,
          },
        );
        starts[index]?.push({ ...measured.start, newConnections: measured.countedDuringRequest ?? 0 });
        problems.push(...measured.problems);
      }
    }
  } finally {
    await path.close();
  }
  return {
    latencyProfileMs: SCENARIO_LATENCY_MS,
    roundTripMs: options.roundTripMs,
    levelMs,
    variants: variants.map((variant, index) => {
      const runs = starts[index] ?? [];
      return {
        name: variant.name,
        server: variant.slot.kind,
        implementation: variant.slot.implementation,
        env: variant.env,
        ...summarizeStarts(runs),
        starts: runs,
        medianNewConnections: percentile(
          runs.map((run) => run.newConnections),
          0.5,
        ),
      };
    }),
    problems,
  };
}

/** Gateway starts whose upstream calls (IAM apart) exceeded the minimum for the answer they returned. */
export function gatewayCallsAboveMinimum(result: NetworkFirstRequestResult): string[] {
  return result.variants
    .filter((variant) => variant.server === 'gateway')
    .flatMap((variant) =>
      variant.starts.flatMap((start, i) =>
        start.minimumCalls !== null && start.upstream > start.minimumCalls
          ? [
              `${variant.name} start ${i + 1}: ${start.upstream} > ${start.minimumCalls} ${JSON.stringify(start.byRoute)}`,
            ]
          : [],
      ),
    );
}
