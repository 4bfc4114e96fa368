/**
 * RSS soak: ImageDashboard(20), warm, at 50 connections for `seconds`, every answer checked; the server's
 * VmRSS sampled every 5 s. Start is read after the warm-up (heap grown to its working size), end right
 * as the load stops; peak is the highest sample (VmHWM, which includes the warm-up, is kept apart).
 * One sample swings by a third with the garbage collector's cycle (a young-generation burst, a list
 * refresh every 30 s), so flatness is judged on the median of the first and of the last minute.
 */
import { performance } from 'node:perf_hooks';
import type { ServerSlot } from './measure';
import { memory, stop } from './processes';
import {
  loadProblems,
  SCENARIO_LATENCY_MS,
  startWarmDashboard,
  warmLoad,
  type ScenarioContext,
} from './warmDashboard';

export const SOAK_CONNECTIONS = 50;
const SAMPLE_EVERY_MS = 5000;
/** The span at each end of the soak whose median stands for it (a fifth of a shorter soak). */
const FLATNESS_WINDOW_S = 60;

export interface SoakResult {
  server: 'gateway' | 'baseline';
  implementation: string;
  latencyProfileMs: number;
  seconds: number;
  connections: number;
  warmupSeconds: number;
  startRssMb: number;
  peakRssMb: number;
  endRssMb: number;
  endOverStart: number;
  /** The sample nearest half-way: end ÷ mid tells warm-up growth (flat second half) from a steady climb. */
  midRssMb: number;
  endOverMid: number;
  /** Medians of the samples in the first and the last minute, and last ÷ first: the flatness figure. */
  firstMinuteMedianMb: number;
  lastMinuteMedianMb: number;
  lastOverFirstMinute: number;
  /**
   * The least-squares line through every sample, at the start and at the end, and end ÷ start: the
   * flatness figure. RSS runs a saw-tooth with the garbage collector (here ~130 → ~220 MB every 30–40 s),
   * so one minute's median still depends on where the teeth fall; the line through all samples does not.
   */
  trendStartMb: number;
  trendEndMb: number;
  trendEndOverStart: number;
  /** VmHWM at the end: the highest RSS since the process started, warm-up included. */
  vmHwmMb: number;
  samples: { atS: number; rssMb: number }[];
  requests: number;
  requestsPerSecond: number;
  problems: string[];
}

export async function measureSoak(
  slot: ServerSlot,
  context: ScenarioContext,
  seconds: number,
): Promise<SoakResult> {
  const warmupSeconds = Math.min(10, Math.max(2, Math.round(seconds / 10)));
  // The warm-up is timed even in quick mode: the soak's start figure needs the heap at its working size.
  const warm = await startWarmDashboard(
    slot,
    { ...context, quick: false },
    {
      connections: SOAK_CONNECTIONS,
      seconds: warmupSeconds,
    },
  );
  const pid = warm.running.proc.pid;
  const rss = (): number => memory(pid)?.rssMb ?? NaN;
  try {
    const began = performance.now();
    const samples = [{ atS: 0, rssMb: rss() }];
    const timer = setInterval(
      () => samples.push({ atS: (performance.now() - began) / 1000, rssMb: rss() }),
      SAMPLE_EVERY_MS,
    );
    let run;
    try {
      run = await warmLoad(warm.running, warm.reference, SOAK_CONNECTIONS, seconds, false);
    } finally {
      clearInterval(timer);
    }
    samples.push({ atS: (performance.now() - began) / 1000, rssMb: rss() });
    const startRssMb = samples[0]?.rssMb ?? NaN;
    const endRssMb = samples[samples.length - 1]?.rssMb ?? NaN;
    const midRssMb = samples[Math.floor((samples.length - 1) / 2)]?.rssMb ?? NaN;
    const flatness = flatnessOf(samples);
    const trend = trendOf(samples);
    return {
      server: slot.kind,
      implementation: slot.implementation,
      latencyProfileMs: SCENARIO_LATENCY_MS,
      seconds: run.durationS,
      connections: SOAK_CONNECTIONS,
      warmupSeconds,
      startRssMb,
      peakRssMb: Math.max(...samples.map((sample) => sample.rssMb)),
      endRssMb,
      endOverStart: endRssMb / startRssMb,
      midRssMb,
      endOverMid: endRssMb / midRssMb,
      ...flatness,
      ...trend,
      vmHwmMb: memory(pid)?.peakRssMb ?? NaN,
      samples,
      requests: run.completed,
      requestsPerSecond: run.requestsPerSecond,
      problems: [...warm.problems, ...loadProblems('soak', run)],
    };
  } finally {
    await stop(warm.running.proc, 2000);
  }
}

/** Medians of the first and of the last minute of samples (a fifth of a soak shorter than five minutes). */
export function flatnessOf(
  samples: readonly { atS: number; rssMb: number }[],
): Pick<SoakResult, 'firstMinuteMedianMb' | 'lastMinuteMedianMb' | 'lastOverFirstMinute'> {
  const lastAtS = samples[samples.length - 1]?.atS ?? 0;
  const windowS = Math.min(FLATNESS_WINDOW_S, lastAtS / 5);
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length === 0
      ? NaN
      : sorted.length % 2 === 1
        ? sorted[middle]!
        : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const firstMinuteMedianMb = median(samples.filter((s) => s.atS <= windowS).map((s) => s.rssMb));
  const lastMinuteMedianMb = median(samples.filter((s) => s.atS >= lastAtS - windowS).map((s) => s.rssMb));
  return {
    firstMinuteMedianMb,
    lastMinuteMedianMb,
    lastOverFirstMinute: lastMinuteMedianMb / firstMinuteMedianMb,
  };
}

/** The least-squares line of RSS over time, read at the first and at the last sample's time. */
export function trendOf(
  samples: readonly { atS: number; rssMb: number }[],
): Pick<SoakResult, 'trendStartMb' | 'trendEndMb' | 'trendEndOverStart'> {
  const n = samples.length;
  const meanT = samples.reduce((sum, s) => sum + s.atS, 0) / n;
  const meanRss = samples.reduce((sum, s) => sum + s.rssMb, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const s of samples) {
    covariance += (s.atS - meanT) * (s.rssMb - meanRss);
    variance += (s.atS - meanT) ** 2;
  }
  const slope = variance === 0 ? 0 : covariance / variance;
  const at = (t: number): number => meanRss + slope * (t - meanT);
  const trendStartMb = n === 0 ? NaN : at(samples[0]!.atS);
  const trendEndMb = n === 0 ? NaN : at(samples[n - 1]!.atS);
  return { trendStartMb, trendEndMb, trendEndOverStart: trendEndMb / trendStartMb };
}
