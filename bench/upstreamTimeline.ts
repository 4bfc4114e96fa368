/**
 * Where a cold page's own time goes: the server under test talks to the simulator through a recording
 * proxy in this process, which notes when each upstream call arrives and when its answer has been passed
 * back. For a one-repository ImageDashboard page that gives: request → list call, the list call, list
 * answer → first join call, the joins, last join answer → response. The proxy adds a hop to every call,
 * so these pages run on a separate warm server and are not part of the cold-page figures.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RepositoryFilter } from './coldPage';
import { execute } from './load';
import { settle, type ServerSlot } from './measure';
import { sleep, stop } from './processes';
import {
  dashboardBody,
  dashboardProblems,
  percentile,
  SCENARIO_LATENCY_MS,
  startWarmDashboard,
  type ScenarioContext,
} from './warmDashboard';

interface UpstreamCall {
  path: string;
  arrivedMs: number;
  answeredMs: number;
}

interface RecordingProxy {
  url: string;
  calls: UpstreamCall[];
  close(): Promise<void>;
}

async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const to = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const calls: UpstreamCall[] = [];
  const relay = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    const arrivedMs = performance.now();
    const path = (incoming.url ?? '/').split('?')[0] as string;
    const forward = request(
      {
        host: to.hostname,
        port: to.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('end', () => calls.push({ path, arrivedMs, answeredMs: performance.now() }));
      },
    );
    forward.on('error', (error) => {
      outgoing.writeHead(502);
      outgoing.end(String(error));
    });
    incoming.pipe(forward);
  };
  const server = createServer(relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TimelinePage {
  filter: string;
  totalMs: number;
  requestToListMs: number;
  listMs: number;
  listToJoinsMs: number;
  joinCalls: number;
  /** First to last join call arriving: near 0 when the joins go out together. */
  joinSpreadMs: number;
  joinsMs: number;
  lastJoinToResponseMs: number;
}

export interface TimelineResult {
  server: 'gateway' | 'baseline';
  implementation: string;
  latencyProfileMs: number;
  pages: TimelinePage[];
  /** Medians over the pages, field by field. */
  median: Omit<TimelinePage, 'filter'>;
  problems: string[];
}

const LIST_CALL = /\/image\/registries\/images$/;
const TOKEN_CALL = /\/auth\/tokens$/;

export async function measureTimeline(
  slot: ServerSlot,
  context: ScenarioContext,
  filters: readonly RepositoryFilter[],
  /** The first pages only warm the cold code paths, as in the cold-page measurement. */
  warmupPages: number,
): Promise<TimelineResult> {
  const proxy = await startRecordingProxy(context.info.url);
  const problems: string[] = [];
  const pages: TimelinePage[] = [];
  try {
    const warm = await startWarmDashboard(
      slot,
      { ...context, info: { ...context.info, url: proxy.url } },
      { connections: 10, seconds: Math.max(1, context.warmupSeconds) },
    );
    problems.push(...warm.problems);
    const settleMs = 50 + 2 * SCENARIO_LATENCY_MS;
    try {
      for (const [index, filter] of filters.entries()) {
        const label = `${filter.namespace}/${filter.name}`;
        const body = dashboardBody({
          first: 20,
          filter: { type: 'PRIVATE', namespace: filter.namespace, name: filter.name },
        });
        await settle(warm.running.proc, context.control, settleMs);
        proxy.calls.length = 0;
        const sentMs = performance.now();
        const answer = await execute(warm.running.url, body);
        const receivedMs = performance.now();
        await sleep(settleMs);
        problems.push(...dashboardProblems(answer.status, answer.body).map((p) => `${label}: ${p}`));
        const calls = proxy.calls.filter(
          (call) => !TOKEN_CALL.test(call.path) && call.arrivedMs < receivedMs,
        );
        const list = calls.find((call) => LIST_CALL.test(call.path));
        const joins = calls.filter((call) => call !== list);
        if (index < warmupPages || !list || joins.length === 0) continue; // not cold: nothing to decompose
        const firstJoin = Math.min(...joins.map((call) => call.arrivedMs));
        const lastAnswer = Math.max(...joins.map((call) => call.answeredMs));
        pages.push({
          filter: label,
          totalMs: receivedMs - sentMs,
          requestToListMs: list.arrivedMs - sentMs,
          listMs: list.answeredMs - list.arrivedMs,
          listToJoinsMs: firstJoin - list.answeredMs,
          joinCalls: joins.length,
          joinSpreadMs: Math.max(...joins.map((call) => call.arrivedMs)) - firstJoin,
          joinsMs: lastAnswer - firstJoin,
          lastJoinToResponseMs: receivedMs - lastAnswer,
        });
      }
    } finally {
      await stop(warm.running.proc, 2000);
    }
  } finally {
    await proxy.close();
  }
  const median = (pick: (page: TimelinePage) => number): number => percentile(pages.map(pick), 0.5);
  return {
    server: slot.kind,
    implementation: slot.implementation,
    latencyProfileMs: SCENARIO_LATENCY_MS,
    pages,
    median: {
      totalMs: median((p) => p.totalMs),
      requestToListMs: median((p) => p.requestToListMs),
      listMs: median((p) => p.listMs),
      listToJoinsMs: median((p) => p.listToJoinsMs),
      joinCalls: median((p) => p.joinCalls),
      joinSpreadMs: median((p) => p.joinSpreadMs),
      joinsMs: median((p) => p.joinsMs),
      lastJoinToResponseMs: median((p) => p.lastJoinToResponseMs),
    },
    problems,
  };
}
