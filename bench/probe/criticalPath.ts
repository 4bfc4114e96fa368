/**
 * What one probed request (a line of bench/probe/criticalPathProbe.cjs) says about the server's own time on
 * an ImageDashboard page's critical path. The nominal floor (levels × injected latency) ignores that the
 * simulator's own service time is part of every call; the measured floor takes the calls as the server saw
 * them: the IAM token call when this request had to fetch it, then the list call, then the longest chain of
 * join calls (each sent → last byte of the answer). A chain is usually one call; it is longer when a join
 * needed an answer first, e.g. the SWR center's remaining pages after its first page told the total. In-server
 * time minus that floor is the server's own time: before the first call, between the levels, and after the
 * last answer.
 */
import { percentile } from '../warmDashboard';

/** One upstream call as the probe recorded it (times: performance.now() in the server process). */
export interface ProbedCall {
  client: 'undici' | 'http';
  method: string;
  /** Without the query string. */
  path: string;
  sentMs: number;
  /** Onto a connected socket (after connecting or waiting for a free pool connection); null: not seen. */
  writtenMs: number | null;
  headersMs: number | null;
  /** Last byte of the answer (or the error); null: still open when the request finished. */
  endMs: number | null;
  status: number | null;
  error: string | null;
}

/** One request the server answered, with every upstream call sent while it was in flight. */
export interface ProbeRecord {
  method: string;
  path: string;
  startMs: number;
  finishMs: number;
  /** Most requests in flight at once during this one (1: alone, so every call is its own). */
  concurrent: number;
  calls: ProbedCall[];
}

export interface CallRoutes {
  token: RegExp;
  list: RegExp;
}

/** ImageDashboard: IAM token (`/v3/auth/tokens`), then HSS ListRegistryImages, then the joins. */
export const DASHBOARD_ROUTES: CallRoutes = {
  token: /\/auth\/tokens$/,
  list: /\/image\/registries\/images$/,
};

export interface CriticalPath {
  /** Request start → response handed to the socket. */
  inServerMs: number;
  /** Token call (0 when the request did not fetch it) + list call + the longest chain of join calls. */
  measuredFloorMs: number;
  /** Upstream round trips in turn on that path (token, list, the chain's calls): levels of the nominal floor. */
  levels: number;
  /** inServerMs − measuredFloorMs. */
  ownMs: number;
  tokenMs: number;
  listMs: number;
  /** The longest chain of join calls, each sent after the previous one answered (one call, mostly). */
  joinChainMs: number;
  /** Of the chain's calls: sent → written, summed (connecting, or queued for a pool connection). */
  joinChainWaitMs: number;
  /** The chain's paths, in order (which upstream APIs set the pace after the list); empty without joins. */
  joinChainPaths: string[];
  joinCalls: number;
}

const duration = (call: ProbedCall): number => (call.endMs as number) - call.sentMs;

/**
 * The critical path of one probed page; null when it cannot be told: another request overlapped it (its
 * calls are not attributable), or it made no list call (not a cold page). Calls still open at its finish
 * (background refreshes) are not on its critical path, nor are list and join calls sent before it began.
 * A token call already under way when the request began (a fresh process fetching it at boot) counts
 * from the request's start: the request cannot call HSS before it has the token.
 */
export function criticalPath(
  record: ProbeRecord,
  routes: CallRoutes = DASHBOARD_ROUTES,
): CriticalPath | null {
  if (record.concurrent > 1) return null;
  const ended = record.calls.filter((call) => call.endMs !== null && call.endMs <= record.finishMs);
  const tokens = ended.filter((call) => routes.token.test(call.path) && call.endMs! > record.startMs);
  const own = ended.filter((call) => call.sentMs >= record.startMs && !routes.token.test(call.path));
  const lists = own.filter((call) => routes.list.test(call.path));
  if (lists.length === 0) return null;
  const joins = own.filter((call) => !routes.list.test(call.path));
  const longest = (calls: ProbedCall[]): number => Math.max(0, ...calls.map(duration));
  const tokenMs = Math.max(0, ...tokens.map((call) => call.endMs! - Math.max(call.sentMs, record.startMs)));
  const listMs = longest(lists);
  const chain = longestChain(joins);
  const joinChainMs = chain.reduce((sum, call) => sum + duration(call), 0);
  const joinChainWaitMs = chain.reduce(
    (sum, call) => sum + (call.writtenMs !== null ? call.writtenMs - call.sentMs : 0),
    0,
  );
  const inServerMs = record.finishMs - record.startMs;
  const measuredFloorMs = tokenMs + listMs + joinChainMs;
  return {
    inServerMs,
    measuredFloorMs,
    ownMs: inServerMs - measuredFloorMs,
    tokenMs,
    listMs,
    levels: (tokenMs > 0 ? 1 : 0) + 1 + chain.length,
    joinChainMs,
    joinChainWaitMs,
    joinChainPaths: chain.map((call) => call.path),
    joinCalls: joins.length,
  };
}

/**
 * The chain of calls, each sent after the one before it had answered, with the largest summed duration:
 * what the page waited for in turn. Calls that overlap are alternatives; only the slowest of them counts.
 */
function longestChain(calls: readonly ProbedCall[]): ProbedCall[] {
  const bySent = [...calls].sort((a, b) => a.sentMs - b.sentMs);
  const best = new Map<ProbedCall, { ms: number; chain: ProbedCall[] }>();
  let longest: { ms: number; chain: ProbedCall[] } = { ms: 0, chain: [] };
  for (const call of bySent) {
    let before: { ms: number; chain: ProbedCall[] } = { ms: 0, chain: [] };
    for (const earlier of bySent) {
      const entry = best.get(earlier);
      if (entry && (earlier.endMs as number) <= call.sentMs && entry.ms > before.ms) before = entry;
    }
    const entry = { ms: before.ms + duration(call), chain: [...before.chain, call] };
    best.set(call, entry);
    if (entry.ms > longest.ms) longest = entry;
  }
  return longest.chain;
}

export interface CriticalPathSummary {
  /** Pages the probe could decompose. */
  pages: number;
  inServerMsP50: number;
  measuredFloorMsP50: number;
  /** p50 of each page's own time (not the difference of the two p50s). */
  ownMsP50: number;
  ownMsP90: number;
  tokenMsP50: number;
  listMsP50: number;
  joinChainMsP50: number;
  joinChainWaitMsP50: number;
  /** Median levels on the measured path (token, list, chained joins). */
  levelsP50: number;
}

export function summarizeCriticalPaths(paths: readonly CriticalPath[]): CriticalPathSummary {
  const p = (pick: (path: CriticalPath) => number, q = 0.5): number => percentile(paths.map(pick), q);
  return {
    pages: paths.length,
    inServerMsP50: p((path) => path.inServerMs),
    measuredFloorMsP50: p((path) => path.measuredFloorMs),
    ownMsP50: p((path) => path.ownMs),
    ownMsP90: p((path) => path.ownMs, 0.9),
    tokenMsP50: p((path) => path.tokenMs),
    listMsP50: p((path) => path.listMs),
    joinChainMsP50: p((path) => path.joinChainMs),
    joinChainWaitMsP50: p((path) => path.joinChainWaitMs),
    levelsP50: p((path) => path.levels),
  };
}
