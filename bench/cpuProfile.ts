/**
 * `--cpu-profile`: the server under test runs with `node --cpu-prof` while it serves the warm
 * ImageDashboard(20) load; the profile (written when the process exits) is summarized over the load's
 * window only. V8's sample timestamps and this process's `process.hrtime` are the same monotonic clock,
 * so samples from start-up, the cold request and the warm-up are left out.
 *
 * Self time is grouped into: garbage collection, graphql-js execution (graphql/execution) and the rest of
 * graphql-js, Apollo plugins (@apollo/server's plugin/ directory, schemaInstrumentation, invokeHooks —
 * the per-request and per-field hooks), the rest of Apollo Server, our code by top-level directory
 * (src/upstream, src/loaders, …; dist/ when built), other packages by name and Node.js internals.
 * Built-in functions (JSON.stringify, RegExp, Map …; V8 gives them no script) count towards their caller's
 * group, so `JSON.stringify` in Apollo's response serialization shows as Apollo; the top-functions list
 * shows them by name.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, type ServerSlot } from './measure';
import { stop } from './processes';
import {
  loadProblems,
  SCENARIO_LATENCY_MS,
  startWarmDashboard,
  warmLoad,
  type ScenarioContext,
} from './warmDashboard';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  /** Of the busy (non-idle) time in the window. */
  share: number;
}

export interface CpuProfileSummary {
  server: 'gateway' | 'baseline';
  implementation: string;
  latencyProfileMs: number;
  /** The .cpuprofile, relative to the repository (bench/results/ is not committed). */
  file: string;
  connections: number;
  windowMs: number;
  /** true: only samples inside the load's window; false: the window matched no sample, whole profile used. */
  windowed: boolean;
  requests: number;
  busyMs: number;
  idleMs: number;
  /** Sampled busy CPU per request (profiling itself adds some). */
  busyMsPerRequest: number;
  headline: {
    gc: number;
    graphqlExecution: number;
    graphqlOther: number;
    apolloPlugins: number;
    apolloOther: number;
    ourCode: number;
  };
  groups: ProfileShare[];
  ourCodeByDir: ProfileShare[];
  topSelf: (ProfileShare & { location: string; group: string })[];
  problems: string[];
}

const OUR_PREFIX = 'our ';

function groupOfUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  if (path.startsWith('node:') || (!path.startsWith('/') && !path.includes('node_modules')))
    return 'Node.js internals';
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + '/node_modules/'.length);
    if (rest.startsWith('graphql/execution/')) return 'graphql-js execution';
    if (rest.startsWith('graphql/')) return 'graphql-js (parse, validate, utilities)';
    if (/^@apollo\/server\/dist\/[^/]+\/(plugin\/|utils\/(schemaInstrumentation|invokeHooks)\.js)/.test(rest))
      return 'Apollo plugins';
    if (rest.startsWith('@apollo/')) return 'Apollo Server (other)';
    return `package ${/^(@[^/]+\/[^/]+|[^/]+)/.exec(rest)?.[1] ?? rest}`;
  }
  const inRepo = relative(ROOT, path);
  const ours = /^(?:src|dist)\/(?:([^/]+)\/)?/.exec(inRepo);
  if (ours) return `${OUR_PREFIX}src/${ours[1] ?? '(top level)'}`;
  return 'other';
}

/** Summarizes `profile` over samples within [fromUs, toUs] of the monotonic clock. */
export function summarizeProfile(
  profile: CpuProfile,
  window: { fromUs: number; toUs: number },
  requests: number,
): Omit<
  CpuProfileSummary,
  'server' | 'implementation' | 'latencyProfileMs' | 'file' | 'connections' | 'problems'
> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const groupCache = new Map<number, string>();
  const groupOf = (id: number): string => {
    const cached = groupCache.get(id);
    if (cached !== undefined) return cached;
    const frame = byId.get(id)?.callFrame;
    let group: string;
    if (!frame) group = 'other';
    else if (frame.functionName === '(garbage collector)') group = 'GC';
    else if (frame.functionName === '(idle)') group = 'idle';
    else if (frame.functionName === '(program)' || frame.functionName === '(root)') group = 'V8 (program)';
    else if (frame.url === '') {
      const up = parent.get(id);
      group = up === undefined ? 'V8 built-ins' : groupOf(up);
      if (group === 'V8 (program)') group = 'V8 built-ins';
    } else group = groupOfUrl(frame.url);
    groupCache.set(id, group);
    return group;
  };

  // Sample i lasts until the next one (V8 records the delta before each sample).
  const selfUs = new Map<number, number>();
  const tally = (fromUs: number, toUs: number): number => {
    selfUs.clear();
    let at = profile.startTime;
    let counted = 0;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (at < fromUs || at > toUs) return;
      const lasts = profile.timeDeltas[i + 1] ?? 0;
      selfUs.set(id, (selfUs.get(id) ?? 0) + lasts);
      counted += 1;
    });
    return counted;
  };
  const windowed = tally(window.fromUs, window.toUs) > 0;
  if (!windowed) tally(-Infinity, Infinity);

  const groups = new Map<string, number>();
  const functions = new Map<string, { us: number; location: string; group: string; name: string }>();
  for (const [id, us] of selfUs) {
    const group = groupOf(id);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const frame = byId.get(id)?.callFrame;
    if (!frame || group === 'idle') continue;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '')}:${frame.lineNumber + 1}`
      : '(built-in)';
    const name = frame.functionName || '(anonymous)';
    // A built-in is listed per calling group (JSON.stringify from Apollo apart from ours).
    const shown = frame.url || group === 'GC' ? group : `built-in, called from ${group}`;
    const key = `${name} ${where} ${shown}`;
    const entry = functions.get(key) ?? { us: 0, location: where, group: shown, name };
    entry.us += us;
    functions.set(key, entry);
  }
  const idleUs = groups.get('idle') ?? 0;
  groups.delete('idle');
  const busyUs = [...groups.values()].reduce((sum, us) => sum + us, 0);
  const share = (name: string, us: number): ProfileShare => ({
    name,
    ms: us / 1000,
    share: busyUs > 0 ? us / busyUs : NaN,
  });
  const sorted = [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => share(name, us));
  const sum = (test: (name: string) => boolean): number =>
    sorted.filter((g) => test(g.name)).reduce((total, g) => total + g.share, 0);
  return {
    windowMs: (window.toUs - window.fromUs) / 1000,
    windowed,
    requests,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    busyMsPerRequest: requests > 0 ? busyUs / 1000 / requests : NaN,
    headline: {
      gc: sum((name) => name === 'GC'),
      graphqlExecution: sum((name) => name === 'graphql-js execution'),
      graphqlOther: sum((name) => name.startsWith('graphql-js (')),
      apolloPlugins: sum((name) => name === 'Apollo plugins'),
      apolloOther: sum((name) => name === 'Apollo Server (other)'),
      ourCode: sum((name) => name.startsWith(OUR_PREFIX)),
    },
    groups: sorted,
    ourCodeByDir: sorted
      .filter((g) => g.name.startsWith(OUR_PREFIX))
      .map((g) => ({ ...g, name: g.name.slice(OUR_PREFIX.length) })),
    topSelf: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 15)
      .map((f) => ({ ...share(f.name, f.us), location: f.location, group: f.group })),
  };
}

/**
 * Runs `slot` under `node --cpu-prof` (profile into `dir`), warms it, profiles the warm load at 10
 * connections for the load duration, stops it (the profile is written on its clean exit) and summarizes.
 */
export async function profileWarmLoad(
  slot: ServerSlot,
  context: ScenarioContext,
  dir: string,
): Promise<CpuProfileSummary> {
  mkdirSync(dir, { recursive: true });
  const [node, ...args] = slot.command as [string, ...string[]];
  const profiled: ServerSlot = { ...slot, command: [node, '--cpu-prof', `--cpu-prof-dir=${dir}`, ...args] };
  const connections = 10;
  const warm = await startWarmDashboard(profiled, context, {
    connections,
    seconds: Math.max(1, context.warmupSeconds),
  });
  const problems = [...warm.problems];
  const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
  let run;
  const fromUs = nowUs();
  let toUs: number;
  try {
    run = await warmLoad(warm.running, warm.reference, connections, Math.max(1, context.loadSeconds), false);
    toUs = nowUs();
  } finally {
    await stop(warm.running.proc, 15_000);
  }
  problems.push(...loadProblems('profiled load', run));
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir} (did the server exit cleanly on SIGTERM?)`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  return {
    server: slot.kind,
    implementation: slot.implementation,
    latencyProfileMs: SCENARIO_LATENCY_MS,
    file: relative(ROOT, join(dir, file)),
    connections,
    ...summarizeProfile(profile, { fromUs, toUs }, run.completed),
    problems,
  };
}
