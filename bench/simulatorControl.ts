/**
 * The simulator as the benchmark uses it: start it, learn its URL and credentials from what it prints,
 * and drive its control API (`/__simulator/...`): call counts per route, counter reset, latency, rate limits.
 */
import { join } from 'node:path';
import { spawnPinned, stop, type Managed } from './processes';

export interface SimulatorInfo {
  url: string;
  region: string;
  projectId: string;
  domain: string;
  user: string;
  password: string;
}

export interface Simulator {
  info: SimulatorInfo;
  process: Managed;
}

/** Calls per route id since the last reset, e.g. `{ 'hss.listRegistryImages': 1, 'iam.createToken': 1 }`. */
export type CallCounts = Record<string, number>;

const ROOT = join(__dirname, '..');

export async function startSimulator(options: {
  images: number;
  seed: number;
  core: number | null;
}): Promise<Simulator> {
  const entry = join(ROOT, 'src/simulator/cli.ts');
  const args = ['--import', 'tsx', entry, '--port', '0', '--seed', String(options.seed)];
  args.push('--images', String(options.images));
  const proc = spawnPinned('simulator', process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    core: options.core,
    cwd: ROOT,
  });
  try {
    await proc.waitForLine(/https?:\/\/[\w.[\]:-]+:\d+/, 30_000);
    // The URL line may come before the credentials: give the rest of the banner a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const info = await resolveInfo(proc.output());
    return { info, process: proc };
  } catch (error) {
    await stop(proc);
    throw error;
  }
}

/** Reads URL, region, project id and credentials from the banner (JSON line or `key: value` text). */
async function resolveInfo(banner: string): Promise<SimulatorInfo> {
  const found: Partial<SimulatorInfo> = {};
  for (const line of banner.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{')) {
      try {
        mergeInfo(found, JSON.parse(trimmed) as unknown);
      } catch {
        // not JSON after all
      }
    }
  }
  const text = banner;
  const pick = (pattern: RegExp): string | undefined => pattern.exec(text)?.[1];
  found.url ??= pick(/(https?:\/\/[\w.[\]:-]+:\d+)/)?.replace('0.0.0.0', '127.0.0.1');
  found.region ??= pick(/region\W+([a-z]{2,}(?:-[a-z]+)+-\d+)/i) ?? pick(/\b([a-z]{2}-[a-z]+-\d+)\b/);
  found.projectId ??= pick(/project[ _-]?id\W+([A-Za-z0-9_-]+)/i);
  found.domain ??= pick(/(?:HWC_IAM_)?domain\W+([^\s,"']+)/i);
  found.user ??= pick(/(?:HWC_IAM_)?user(?:name)?\W+([^\s,"']+)/i);
  found.password ??= pick(/(?:HWC_IAM_)?password\W+([^\s,"']+)/i);
  if (found.url) {
    // A control endpoint may describe the simulator too; take what the banner did not say.
    for (const path of ['/__simulator/info', '/__simulator/config', '/__simulator']) {
      if (isComplete(found)) break;
      try {
        const response = await fetch(found.url + path);
        if (response.ok) mergeInfo(found, await response.json());
      } catch {
        // not there
      }
    }
  }
  if (!isComplete(found)) {
    throw new Error(`could not read the simulator's URL/region/project/credentials from:\n${banner}`);
  }
  return found;
}

function isComplete(info: Partial<SimulatorInfo>): info is SimulatorInfo {
  return Boolean(info.url && info.region && info.projectId && info.domain && info.user && info.password);
}

/** Takes known keys from any JSON banner, flat or nested (`credentials: {domain,user,password}`). */
function mergeInfo(into: Partial<SimulatorInfo>, value: unknown, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 3) return;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const k = key.toLowerCase().replace(/[_-]/g, '');
    if (typeof item === 'string') {
      if (['url', 'baseurl', 'endpoint', 'origin'].includes(k)) into.url ??= item.replace(/\/+$/, '');
      else if (k === 'region' || k === 'hwcregion') into.region ??= item;
      else if (k === 'projectid' || k === 'hwcprojectid') into.projectId ??= item;
      else if (k === 'domain' || k === 'domainname' || k === 'hwciamdomain') into.domain ??= item;
      else if (k === 'user' || k === 'username' || k === 'hwciamuser') into.user ??= item;
      else if (k === 'password' || k === 'hwciampassword') into.password ??= item;
    } else if (item && typeof item === 'object') {
      mergeInfo(into, item, depth + 1);
    }
  }
}

async function control(url: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export class SimulatorControl {
  constructor(private readonly url: string) {}

  async resetCalls(): Promise<void> {
    await control(this.url, 'POST', '/__simulator/calls/reset');
  }

  async calls(): Promise<CallCounts> {
    return flattenCounts(await control(this.url, 'GET', '/__simulator/calls'));
  }

  /**
   * Waits until no call arrives for `intervalMs` (e.g. what a stopped server still had in flight, or a
   * backlog the simulator is working off), so a counter reset afterwards counts only what follows.
   */
  async waitQuiet(intervalMs: number, maxMs = 30_000): Promise<void> {
    const deadline = Date.now() + maxMs;
    const total = async (): Promise<number> =>
      Object.values(await this.calls()).reduce((sum, n) => sum + n, 0);
    let previous = await total();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      const now = await total();
      if (now === previous) return;
      previous = now;
    }
  }

  /** Fixed latency on every route (IAM included). */
  async setLatency(fixedMs: number): Promise<void> {
    await control(this.url, 'POST', '/__simulator/latency', { route: '*', latency: { fixedMs } });
  }

  /** The body shape is not settled yet: `{enabled: false}` first, then the bare setting (`false`). */
  async disableRateLimits(): Promise<void> {
    try {
      await control(this.url, 'POST', '/__simulator/rate-limits', { enabled: false });
    } catch (error) {
      try {
        await control(this.url, 'POST', '/__simulator/rate-limits', false);
      } catch {
        throw error;
      }
    }
  }
}

/**
 * Accepts the shapes a call-count endpoint plausibly has: `{route: n}`, `{calls: {route: n}}`,
 * `{route: {count: n}}`, `[{route, count}]`, `{hss: {listRegistryImages: n}}`.
 */
export function flattenCounts(value: unknown): CallCounts {
  const out: CallCounts = {};
  const walk = (node: unknown, path: string[]): void => {
    if (typeof node === 'number') {
      const last = path[path.length - 1];
      const route =
        last !== undefined && ['count', 'calls', 'total'].includes(last) ? path.slice(0, -1) : path;
      if (route.length > 0 && route[0] !== 'total') out[route.join('.')] = (out[route.join('.')] ?? 0) + node;
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) {
        if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          const id = record.route ?? record.id ?? record.routeId ?? record.name;
          const count = record.count ?? record.calls;
          if (typeof id === 'string' && typeof count === 'number') out[id] = (out[id] ?? 0) + count;
        }
      }
      return;
    }
    if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node as Record<string, unknown>)) {
        walk(item, key === 'calls' || key === 'counts' || key === 'byRoute' ? path : [...path, key]);
      }
    }
  };
  walk(value, []);
  return out;
}

export function isTokenRoute(route: string): boolean {
  return /^iam\b/i.test(route) || /token/i.test(route);
}

/** Calls that spend upstream quota (everything but the IAM token), and the token calls apart. */
export function summarizeCalls(counts: CallCounts): { upstream: number; iam: number } {
  let upstream = 0;
  let iam = 0;
  for (const [route, count] of Object.entries(counts)) {
    if (isTokenRoute(route)) iam += count;
    else upstream += count;
  }
  return { upstream, iam };
}

export function diffCounts(after: CallCounts, before: CallCounts): CallCounts {
  const out: CallCounts = {};
  for (const [route, count] of Object.entries(after)) {
    const delta = count - (before[route] ?? 0);
    if (delta !== 0) out[route] = delta;
  }
  return out;
}

export interface UpstreamFacts {
  /** Repositories this account shares (SWR center=self) and that others share with it. */
  swrSelfTotal: number;
  swrThirdpartyTotal: number;
  /**
   * The vulnerability-centric list (HSS ListGeneralImageVuls, unhandled, registry images) of each type,
   * ids in the order its pages of 200 return them: where an image's CVEs are found.
   */
  vulnerabilityCatalogue: Record<'linux_vul' | 'app_vul', string[]>;
}

/** An IAM project token from the simulator, for the bench's own direct reads of its APIs (not counted work). */
export async function simulatorToken(info: SimulatorInfo): Promise<string> {
  const tokenResponse = await fetch(`${info.url}/v3/auth/tokens?nocatalog=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=utf8' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: info.user, password: info.password, domain: { name: info.domain } } },
        },
        scope: { project: { name: info.region } },
      },
    }),
  });
  const token = tokenResponse.headers.get('x-subject-token');
  if (!token) throw new Error(`simulator IAM: no token (${tokenResponse.status})`);
  return token;
}

/** Facts the minimum call counts depend on, read straight from the simulator's APIs (before measuring). */
export async function upstreamFacts(info: SimulatorInfo): Promise<UpstreamFacts> {
  const token = await simulatorToken(info);
  const total = async (center: string): Promise<number> => {
    const response = await fetch(
      `${info.url}/v2/manage/shared-repositories?center=${center}&limit=1&offset=0`,
      {
        headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      },
    );
    const body = (await response.json()) as { total_range?: number }[];
    const range = response.headers.get('content-range');
    return body[0]?.total_range ?? Number(range?.split('/')[1] ?? 0);
  };
  const catalogue = async (type: 'linux_vul' | 'app_vul'): Promise<string[]> => {
    const ids: string[] = [];
    for (let offset = 0, size = 1; offset < size; offset += 200) {
      const query = `type=${type}&handle_status=unhandled&image_type=registry&offset=${offset}&limit=200`;
      const response = await fetch(`${info.url}/v5/${info.projectId}/images/vulnerabilities?${query}`, {
        headers: { 'x-auth-token': token, region: info.region },
      });
      const body = (await response.json()) as { total_num: number; data_list: { vul_id: string }[] };
      if (!response.ok || body.data_list.length === 0) break;
      size = body.total_num;
      ids.push(...body.data_list.map((entry) => entry.vul_id));
    }
    return ids;
  };
  return {
    swrSelfTotal: await total('self'),
    swrThirdpartyTotal: await total('thirdparty'),
    vulnerabilityCatalogue: { linux_vul: await catalogue('linux_vul'), app_vul: await catalogue('app_vul') },
  };
}
