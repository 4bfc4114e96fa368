/**
 * Cache-cold page in a warm process: after the server is warm (token, pools, JIT), ImageDashboard pages
 * that no cache can help with — one repository each (filter type PRIVATE + namespace + name, 3–5 tags),
 * never shown before in that process — executed once each at the scenario latency. Reports p50/p90 next to
 * the critical-path floor (list → joins = 2 levels) and the server's own time (p50 − floor); each page's
 * upstream calls are counted, so a page that was not really cold shows (and is left out of the figures).
 * The server runs with the critical-path probe preloaded (bench/probe/), which adds, per page, the time
 * in the server, the measured floor (its list call + the longest chain of join calls, as it saw them) and its own time.
 */
import { countedExecution, type ServerSlot } from './measure';
import {
  criticalPath,
  summarizeCriticalPaths,
  type CriticalPath,
  type CriticalPathSummary,
} from './probe/criticalPath';
import { ProbeLog } from './probe/probeLog';
import { stop } from './processes';
import { simulatorToken, type CallCounts, type SimulatorInfo } from './simulatorControl';
import {
  dashboardBody,
  dashboardProblems,
  dashboardSpec,
  DASHBOARD_LEVELS,
  percentile,
  SCENARIO_LATENCY_MS,
  startWarmDashboard,
  type ScenarioContext,
} from './warmDashboard';

export interface RepositoryFilter {
  namespace: string;
  name: string;
  /** Images (tags) HSS lists for it: the page's expected totalCount. */
  images: number;
}

export interface ColdPage {
  filter: string;
  images: number;
  ms: number;
  upstream: number;
  iam: number;
  minimumCalls: number;
  byRoute: CallCounts;
  /** Inside the server (the probe): null when its record could not be decomposed. */
  probe: CriticalPath | null;
}

export interface ColdPageResult {
  server: 'gateway' | 'baseline';
  implementation: string;
  latencyProfileMs: number;
  /** Nominal floor: levels × injected latency. */
  floorMs: number;
  /** Pages run after the warm-up and before the measured ones (cold code paths, new pool connections). */
  warmupPages: number;
  pages: ColdPage[];
  /** Figures over the measured pages that were really cold (upstream calls > 0). */
  coldPages: number;
  p50Ms: number;
  p90Ms: number;
  minMs: number;
  maxMs: number;
  /** p50 − nominal floor: the server's own time plus the simulator's service time on the critical path. */
  ownMsP50: number;
  /**
   * From inside the server, over the cold pages the probe decomposed: in-server time, measured floor and
   * own time (p50 each), next to the outside p50 over the same pages.
   */
  inServer: CriticalPathSummary & { outsideMsP50: number };
  callsPerPage: { min: number; max: number };
  problems: string[];
}

/**
 * Up to `wanted` repositories of 3–5 private images, in HSS order, skipping those among the first
 * `skipImages` rows (the warm dashboard page shows the first 20), so each page is new to a warm process.
 */
export async function coldPageFilters(
  info: SimulatorInfo,
  wanted: number,
  skipImages = 100,
): Promise<RepositoryFilter[]> {
  const token = await simulatorToken(info);
  const repositories = new Map<string, RepositoryFilter>();
  const skipped = new Set<string>();
  for (let offset = 0; ; offset += 200) {
    const url =
      `${info.url}/v5/${info.projectId}/image/registries/images` +
      `?image_type=private_image&limit=200&offset=${offset}`;
    const response = await fetch(url, { headers: { 'x-auth-token': token } });
    if (!response.ok) throw new Error(`simulator ListRegistryImages: ${response.status}`);
    const page = (await response.json()) as {
      total_num: number;
      data_list: { namespace: string; image_name: string }[];
    };
    page.data_list.forEach((row, i) => {
      const key = `${row.namespace}/${row.image_name}`;
      if (offset + i < skipImages) skipped.add(key);
      else if (!skipped.has(key)) {
        const entry = repositories.get(key) ?? { namespace: row.namespace, name: row.image_name, images: 0 };
        entry.images += 1;
        repositories.set(key, entry);
      }
    });
    if (page.data_list.length === 0 || offset + 200 >= page.total_num) break;
  }
  const fitting = [...repositories.values()].filter((repo) => repo.images >= 3 && repo.images <= 5);
  return fitting.slice(0, wanted);
}

/** Problems of a one-repository page: the dashboard's checks, every row from that repository, all of them. */
function pageProblems(status: number, text: string, filter: RepositoryFilter): string[] {
  const problems = dashboardProblems(status, text);
  if (problems.length > 0) return problems;
  const connection = (
    JSON.parse(text) as {
      data: { containerImages: { totalCount: number; nodes: Record<string, unknown>[] } };
    }
  ).data.containerImages;
  if (connection.totalCount !== filter.images) {
    problems.push(`totalCount ${connection.totalCount}, HSS lists ${filter.images} images`);
  }
  connection.nodes.forEach((node, i) => {
    if (node.namespace !== filter.namespace || node.name !== filter.name) {
      problems.push(
        `nodes[${i}] is ${String(node.namespace)}/${String(node.name)}, not the filtered repository`,
      );
    }
  });
  return problems;
}

export async function measureColdPages(
  slot: ServerSlot,
  context: ScenarioContext,
  filters: readonly RepositoryFilter[],
  warmupPages: number,
): Promise<ColdPageResult> {
  const probeLog = new ProbeLog();
  let warm: Awaited<ReturnType<typeof startWarmDashboard>>;
  try {
    warm = await startWarmDashboard(probeLog.probed(slot), context, {
      connections: 10,
      seconds: Math.max(1, context.warmupSeconds),
    });
  } catch (error) {
    probeLog.remove();
    throw error;
  }
  probeLog.readNew(); // the warm-up's requests
  const problems = [...warm.problems];
  const pages: ColdPage[] = [];
  const settleMs = 50 + 2 * SCENARIO_LATENCY_MS;
  try {
    for (const [index, filter] of filters.entries()) {
      const variables = {
        first: 20,
        filter: { type: 'PRIVATE', namespace: filter.namespace, name: filter.name },
      };
      const counted = await countedExecution(
        context.control,
        warm.running,
        dashboardBody(variables),
        settleMs,
      );
      const label = `${filter.namespace}/${filter.name}`;
      const records = probeLog.readRequests(warm.running.url);
      const found = pageProblems(counted.status, counted.text, filter);
      problems.push(...found.map((problem) => `${label}: ${problem}`));
      if (index < warmupPages || found.length > 0) continue;
      const data = (JSON.parse(counted.text) as { data: Record<string, unknown> }).data;
      pages.push({
        filter: label,
        images: filter.images,
        ms: counted.ms,
        upstream: counted.sample.upstream,
        iam: counted.sample.iam,
        minimumCalls: dashboardSpec().minimum(data, context.facts).calls,
        byRoute: counted.sample.byRoute,
        probe: records.length === 1 && records[0] ? criticalPath(records[0]) : null,
      });
    }
  } finally {
    await stop(warm.running.proc, 2000);
    probeLog.remove();
  }
  const cold = pages.filter((page) => page.upstream > 0);
  const times = cold.map((page) => page.ms);
  const calls = pages.map((page) => page.upstream);
  const floorMs = DASHBOARD_LEVELS * SCENARIO_LATENCY_MS;
  const p50Ms = percentile(times, 0.5);
  const probed = cold.filter((page) => page.probe !== null);
  return {
    server: slot.kind,
    implementation: slot.implementation,
    latencyProfileMs: SCENARIO_LATENCY_MS,
    floorMs,
    warmupPages,
    pages,
    coldPages: cold.length,
    p50Ms,
    p90Ms: percentile(times, 0.9),
    minMs: percentile(times, 0),
    maxMs: percentile(times, 1),
    ownMsP50: p50Ms - floorMs,
    inServer: {
      ...summarizeCriticalPaths(probed.map((page) => page.probe as CriticalPath)),
      outsideMsP50: percentile(
        probed.map((page) => page.ms),
        0.5,
      ),
    },
    callsPerPage: { min: percentile(calls, 0), max: percentile(calls, 1) },
    problems,
  };
}
