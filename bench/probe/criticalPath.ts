/**
 * What one probed request (a line of bench/probe/criticalPathProbe.cjs) says about the server's own time on
 * an ImageDashboard page's critical path. The nominal floor (levels × injected latency) ignores that the
 * simulator's own service time is part of every call; the measured floor takes the calls as the server saw
 * them: the IAM token call when this request had to fetch it, then the list call, then the slowest join call
 * (each sent → last byte of the answer). In-server time minus that floor is the server's own time: before
 * the first call, between the levels, and after the last answer.
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
  /** Token call (0 when the request did not fetch it) + list call + slowest join call. */
  measuredFloorMs: number;
  /** inServerMs − measuredFloorMs. */
  ownMs: number;
  tokenMs: number;
  listMs: number;
  slowestJoinMs: number;
  /** Of the slowest join: sent → written (connecting, or queued for a pool connection); 0 when not seen. */
  slowestJoinWaitMs: number;
  /** Its path (which upstream API set the second level's pace); null without joins. */
  slowestJoinPath: string | null;
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
  const slowestJoin = joins.reduce<ProbedCall | undefined>(
    (slowest, call) => (slowest === undefined || duration(call) > duration(slowest) ? call : slowest),
    undefined,
  );
  const slowestJoinMs = slowestJoin ? duration(slowestJoin) : 0;
  const slowestJoinWaitMs =
    slowestJoin?.writtenMs !== null && slowestJoin?.writtenMs !== undefined
      ? slowestJoin.writtenMs - slowestJoin.sentMs
      : 0;
  const inServerMs = record.finishMs - record.startMs;
  const measuredFloorMs = tokenMs + listMs + slowestJoinMs;
  return {
    inServerMs,
    measuredFloorMs,
    ownMs: inServerMs - measuredFloorMs,
    tokenMs,
    listMs,
    slowestJoinMs,
    slowestJoinWaitMs,
    slowestJoinPath: slowestJoin?.path ?? null,
    joinCalls: joins.length,
  };
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
  slowestJoinMsP50: number;
  slowestJoinWaitMsP50: number;
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
    slowestJoinMsP50: p((path) => path.slowestJoinMs),
    slowestJoinWaitMsP50: p((path) => path.slowestJoinWaitMs),
  };
}
