/**
 * A small stand-in for the product simulator (`src/simulator`), used by the benchmark ONLY while that does
 * not exist yet (or with `--standin-simulator`), so the harness and the baseline can be dry-run. It serves
 * the same routes with the documented shapes and ranges, deterministic data from a seed, a fixed latency,
 * and the same control API: GET /__simulator/calls, POST /__simulator/calls/reset,
 * POST /__simulator/latency, POST /__simulator/rate-limits (accepted, nothing is ever limited here).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const PORT = arg('port', 0);
const SEED = arg('seed', 1);
const IMAGES = arg('images', 5000);
const REGION = 'cn-north-4';
const PROJECT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CREDENTIALS = { domain: 'bench-domain', user: 'bench-user', password: 'bench-password' };

// ---- deterministic data ----------------------------------------------------------------------------------

let state = SEED >>> 0 || 1;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digest = (text: string): string =>
  `sha256:${createHash('sha256').update(`${SEED}:${text}`).digest('hex')}`;

const APP_NAMES = [
  'openssl',
  'openssl-libs',
  'zlib',
  'glibc',
  'bash',
  'curl',
  'busybox',
  'python3',
  'nodejs',
];
const MORE_APPS = [
  'log4j-core',
  'jackson-databind',
  'libxml2',
  'sqlite',
  'ncurses',
  'tzdata',
  'ca-certificates',
];
const TYPES = [
  'private_image',
  'private_image',
  'private_image',
  'private_image',
  'shared_image',
  'instance_image',
];
const STATUS = [
  'success',
  'success',
  'success',
  'success',
  'success',
  'success',
  'unscan',
  'failed',
  'scanning',
];
const TAGS_PER_REPO = 5;

interface Image {
  [key: string]: unknown;
  namespace: string;
  image_name: string;
  image_version: string;
  image_id: string;
  image_type: string;
  scan_status: string;
  latest_version: boolean;
  vul_num: number;
}
interface App {
  app_name: string;
  app_type: string;
  app_version: string;
  vul_num: number;
}

const images: Image[] = [];
const appsByImage = new Map<string, App[]>();
const filesByImage = new Map<string, { total_files_num: number; total_files_size: number }>();
const byRepo = new Map<string, Image[]>();
const NOW = Date.UTC(2026, 10, 1);

for (let i = 0; i < IMAGES; i += 1) {
  const repo = Math.floor(i / TAGS_PER_REPO);
  const namespace = `team-${repo % 25}`;
  const name = `svc-${repo}`;
  const status = pick(STATUS);
  const imageId = digest(`image:${i}`);
  const apps: App[] =
    status === 'success'
      ? Array.from({ length: 5 + Math.floor(random() * 30) }, (_, k) => ({
          app_name: k === 0 && random() < 0.4 ? 'openssl' : pick(k % 2 ? APP_NAMES : MORE_APPS),
          app_type: pick(['RPM', 'deb', 'jar', 'npm']),
          app_version: `${1 + Math.floor(random() * 3)}.${Math.floor(random() * 20)}.${k}`,
          vul_num: Math.floor(random() * 4),
        }))
      : [];
  const image: Image = {
    id: i + 1,
    namespace,
    image_name: name,
    image_id: imageId,
    image_digest: digest(`manifest:${i}`),
    image_version: `1.${i % TAGS_PER_REPO}.0`,
    image_type: TYPES[repo % TYPES.length] as string,
    registry_id: 'reg-1',
    registry_name: 'swr',
    registry_type: 'SwrPrivate',
    latest_version: i % TAGS_PER_REPO === TAGS_PER_REPO - 1,
    scan_status: status,
    scan_failed_desc: status === 'failed' ? 'download failed' : '',
    scan_failed_code: status === 'failed' ? 'download_failed' : '',
    image_size: 10_000_000 + Math.floor(random() * 900_000_000),
    latest_update_time: NOW - i * 60_000,
    latest_scan_time: status === 'success' ? NOW - i * 30_000 : 0,
    latest_sync_time: NOW,
    vul_num: apps.reduce((sum, app) => sum + app.vul_num, 0),
    unsafe_setting_num: Math.floor(random() * 3),
    malicious_file_num: 0,
    domain_name: TYPES[repo % TYPES.length] === 'shared_image' ? 'partner-account' : '',
    shared_status: TYPES[repo % TYPES.length] === 'shared_image' ? 'effective' : '',
    scannable: true,
    is_multiple_arch: false,
    instance_name: '',
    instance_id: '',
    instance_url: '',
    severity_level: status === 'success' ? pick(['Security', 'Low', 'Medium', 'High']) : '',
    association_images: [],
  };
  images.push(image);
  appsByImage.set(imageId, apps);
  filesByImage.set(imageId, { total_files_num: 500 + (i % 9000), total_files_size: 1_000_000 + i * 977 });
  const key = `${namespace}/${name}`;
  byRepo.set(key, [...(byRepo.get(key) ?? []), image]);
}

const globalApps = images.flatMap((image) =>
  (appsByImage.get(image.image_id) ?? []).map((app) => ({
    ...app,
    app_path: '/usr/lib',
    layer_digest: digest(`layer:${image.image_id}`),
    is_compliant: app.vul_num === 0,
    latest_scan_time: image.latest_scan_time,
    image_type:
      image.image_type === 'shared_image'
        ? 'SwrShared'
        : image.image_type === 'private_image'
          ? 'SwrPrivate'
          : 'SwrEnterprise',
    namespace: image.namespace,
    image_name: image.image_name,
    image_version: image.image_version,
    image_id: image.image_id,
  })),
);

const sharedRepos = [...byRepo.entries()].flatMap(([key, tags], index) => {
  const first = tags[0] as Image;
  const center =
    first.image_type === 'shared_image'
      ? 'thirdparty'
      : first.image_type === 'private_image' && index % 3 === 0
        ? 'self'
        : null;
  if (!center) return [];
  const [namespace, name] = key.split('/') as [string, string];
  return [
    {
      center,
      name,
      category: pick(['app_server', 'linux', 'framework_app', 'database', 'lang', 'other']),
      description: `${name} service`,
      size: tags.reduce((sum, image) => sum + Number(image.image_size), 0),
      is_public: index % 5 === 0,
      num_images: tags.length + 1,
      num_download: index * 13,
      created_at: new Date(NOW - index * 86_400_000).toISOString().replace('Z', '000Z'),
      updated_at: new Date(NOW - index * 3_600_000).toISOString().replace('Z', '000Z'),
      logo: '',
      url: '',
      path: `swr.${REGION}.myhuaweicloud.com/${namespace}/${name}`,
      internal_path: `10.0.0.1:20202/${namespace}/${name}`,
      domain_name: center === 'self' ? 'bench-domain' : 'partner-account',
      namespace,
      // One tag HSS has not synchronised, as happens upstream.
      tags: [...tags.map((image) => image.image_version), 'unsynced'],
      status: center === 'thirdparty' ? index % 7 !== 0 : false,
    },
  ];
});

const productImages = Array.from({ length: 120 }, (_, i) => ({
  id: createHash('md5')
    .update(`wks:${SEED}:${i}`)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
  image_type: i % 3 === 0 ? 'private' : 'gold',
  os_type: i % 2 === 0 ? 'Linux' : 'Windows',
  architecture: i % 4 === 0 ? 'arm' : 'x86',
  os_version: i % 2 === 0 ? 'EulerOS 2.5 64bit' : 'Windows Server 2019',
  disk_format: 'zvhd2',
  name: `desktop-image-${i}`,
  min_ram: 0,
  min_disk: 40 + (i % 10) * 10,
  product_code: i % 3 === 0 ? '' : `OFFI${1000 + i}`,
  created_at: new Date(NOW - i * 86_400_000).toISOString(),
  kms_id: '',
}));

// ---- HTTP ----------------------------------------------------------------------------------------------

const calls = new Map<string, number>();
const tokens = new Set<string>();
let latencyMs = 0;

type Query = URLSearchParams;
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(String(status));
  }
}
const hssError = (code: string, msg: string): HttpError =>
  new HttpError(400, { error_code: code, error_msg: msg });
function intParam(query: Query, name: string, min: number, max: number, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw hssError('HSS.0001', `invalid ${name}`);
  return value;
}
const page = <T>(items: T[], offset: number, limit: number) => ({
  total_num: items.length,
  data_list: items.slice(offset, offset + limit),
});

function listRegistryImages(query: Query) {
  const limit = intParam(query, 'limit', 1, 200, 10);
  const offset = intParam(query, 'offset', 0, 2_000_000, 0);
  const ns = query.get('namespace');
  const name = query.get('image_name');
  let list = ns && name ? (byRepo.get(`${ns}/${name}`) ?? []) : images;
  const exact: [string, string][] = [
    ['image_type', 'image_type'],
    ['namespace', 'namespace'],
    ['image_name', 'image_name'],
    ['image_version', 'image_version'],
    ['scan_status', 'scan_status'],
  ];
  for (const [param, field] of exact) {
    const value = query.get(param);
    if (value !== null) list = list.filter((image) => image[field] === value);
  }
  if (query.get('latest_version') === 'true') list = list.filter((image) => image.latest_version);
  if (query.get('has_vul') !== null)
    list = list.filter((image) => image.vul_num > 0 === (query.get('has_vul') === 'true'));
  return page(list, offset, limit);
}

function imageById(id: string, query: Query): Image {
  if (!query.get('image_type')) throw hssError('HSS.0001', 'image_type is required');
  const image = images.find((candidate) => candidate.image_id === id);
  if (!image) throw hssError('HSS.0011', 'resource not found');
  return image;
}

const routes: {
  id: string;
  method: string;
  pattern: RegExp;
  handle: (m: RegExpExecArray, q: Query, req: IncomingMessage) => unknown;
}[] = [
  {
    id: 'hss.listRegistryImages',
    method: 'GET',
    pattern: /^\/v5\/[^/]+\/image\/registries\/images$/,
    handle: (_, q) => listRegistryImages(q),
  },
  {
    id: 'hss.listGlobalImageApps',
    method: 'GET',
    pattern: /^\/v5\/[^/]+\/image\/apps$/,
    handle: (_, q) => {
      const limit = intParam(q, 'limit', 10, 200, 10);
      const offset = intParam(q, 'offset', 0, 2_000_000, 0);
      const name = q.get('app_name') ?? '';
      if (name.length > 32) throw hssError('HSS.0001', 'app_name too long');
      let list = name ? globalApps.filter((app) => app.app_name.includes(name)) : globalApps;
      if (q.get('is_compliant') === 'false') list = list.filter((app) => !app.is_compliant);
      return page(list, offset, limit);
    },
  },
  {
    id: 'hss.listImageApps',
    method: 'GET',
    pattern: /^\/v5\/[^/]+\/image\/([^/]+)\/apps$/,
    handle: (m, q) => {
      const image = imageById(decodeURIComponent(m[1] ?? ''), q);
      const limit = intParam(q, 'limit', 10, 200, 10);
      const offset = intParam(q, 'offset', 0, 2_000_000, 0);
      const name = q.get('app_name');
      const apps = appsByImage.get(image.image_id) ?? [];
      return page(name ? apps.filter((app) => app.app_name.includes(name)) : apps, offset, limit);
    },
  },
  {
    id: 'hss.showImageFilesStat',
    method: 'GET',
    pattern: /^\/v5\/[^/]+\/image\/([^/]+)\/files-statistics$/,
    handle: (m, q, req) => {
      if (!req.headers.region) throw hssError('HSS.0001', 'region header is required');
      return filesByImage.get(imageById(decodeURIComponent(m[1] ?? ''), q).image_id);
    },
  },
  {
    id: 'hss.batchScanSwrImage',
    method: 'POST',
    pattern: /^\/v5\/[^/]+\/image\/batch-scan$/,
    handle: () => undefined,
  },
  {
    id: 'swr.listSharedRepositories',
    method: 'GET',
    pattern: /^\/v2\/manage\/shared-repositories$/,
    handle: (_, q) => {
      const center = q.get('center');
      const ns = q.get('namespace');
      const name = q.get('name');
      const list = sharedRepos.filter(
        (repo) =>
          (!center || repo.center === center) &&
          (!ns || repo.namespace.includes(ns)) &&
          (!name || repo.name.includes(name)),
      );
      const offset = Number(q.get('offset') ?? 0);
      const limit = Number(q.get('limit') ?? 100);
      return list
        .slice(offset, offset + limit)
        .map(({ center: _center, ...repo }) => ({ ...repo, total_range: list.length }));
    },
  },
  {
    id: 'workspace.listProductImages',
    method: 'GET',
    pattern: /^\/v2\/[^/]+\/images$/,
    handle: (_, q) => {
      const limit = Number(q.get('limit') ?? 100);
      const offset = Number(q.get('offset') ?? 0);
      if (!(limit >= 0 && limit <= 100))
        throw new HttpError(400, { error_code: 'WKS.0001', error_msg: 'bad limit' });
      const filters: [string, string][] = [
        ['image_type', 'image_type'],
        ['os_type', 'os_type'],
        ['architecture', 'architecture'],
        ['image_id', 'id'],
      ];
      let list = productImages;
      for (const [param, field] of filters) {
        const value = q.get(param);
        if (value) list = list.filter((image) => (image as Record<string, unknown>)[field] === value);
      }
      return { images: list.slice(offset, offset + limit), total_count: list.length };
    },
  },
];

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': randomBytes(16).toString('hex'),
    ...headers,
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const server = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/__simulator/')) {
      if (path === '/__simulator/calls' && req.method === 'GET')
        return send(res, 200, { calls: Object.fromEntries(calls) });
      if (path === '/__simulator/calls/reset') return (calls.clear(), send(res, 200, { ok: true }));
      if (path === '/__simulator/latency') {
        const body = await readJson(req);
        latencyMs = Number((body.latency as { fixedMs?: number } | undefined)?.fixedMs ?? 0);
        return send(res, 200, { ok: true });
      }
      if (path === '/__simulator/rate-limits') return send(res, 200, { ok: true });
      return send(res, 404, { error: 'unknown control route' });
    }
    const count = (id: string): void => void calls.set(id, (calls.get(id) ?? 0) + 1);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (path === '/v3/auth/tokens' && req.method === 'POST') {
      count('iam.createToken');
      const body = await readJson(req);
      const user = (body.auth as { identity?: { password?: { user?: Record<string, unknown> } } } | undefined)
        ?.identity?.password?.user;
      if (user?.name !== CREDENTIALS.user || user.password !== CREDENTIALS.password) {
        return send(res, 401, { error_code: '1100', error_msg: 'invalid credentials' });
      }
      const token = `MII${randomBytes(48).toString('base64url')}`;
      tokens.add(token);
      const issued = new Date();
      const expires = new Date(issued.getTime() + 86_400_000);
      return send(
        res,
        201,
        {
          token: {
            issued_at: issued.toISOString().replace('Z', '000Z'),
            expires_at: expires.toISOString().replace('Z', '000Z'),
            methods: ['password'],
            catalog: [],
            project: { name: REGION, id: PROJECT_ID, domain: { name: CREDENTIALS.domain, id: 'd1' } },
            roles: [],
            user: {
              name: CREDENTIALS.user,
              id: 'u1',
              password_expires_at: '',
              domain: { name: CREDENTIALS.domain, id: 'd1' },
            },
          },
        },
        { 'x-subject-token': token },
      );
    }
    const route = routes.find((candidate) => candidate.method === req.method && candidate.pattern.test(path));
    if (!route) return send(res, 404, { error_code: 'APIGW.0101', error_msg: 'API not found' });
    count(route.id);
    const token = req.headers['x-auth-token'];
    if (typeof token !== 'string' || !tokens.has(token)) {
      return send(res, 401, {
        error_code: 'APIGW.0301',
        error_msg: 'Incorrect IAM authentication information',
      });
    }
    try {
      if (req.method === 'POST') await readJson(req);
      const result = route.handle(route.pattern.exec(path) as RegExpExecArray, url.searchParams, req);
      const headers: Record<string, string> = {};
      if (route.id.startsWith('swr') && url.searchParams.has('limit') && url.searchParams.has('offset')) {
        const list = result as { total_range: number }[];
        headers['content-range'] =
          `${url.searchParams.get('offset')}-${list.length}/${list[0]?.total_range ?? 0}`;
      }
      send(res, 200, result, headers);
    } catch (error) {
      if (error instanceof HttpError) return send(res, error.status, error.body);
      send(res, 500, { error_code: 'HSS.0041', error_msg: String(error) });
    }
  })();
});
server.keepAliveTimeout = 60_000;

server.listen(PORT, '127.0.0.1', () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : PORT}`;
  console.log(
    JSON.stringify({ url, region: REGION, projectId: PROJECT_ID, credentials: CREDENTIALS, images: IMAGES }),
  );
  console.log(`stand-in simulator listening on ${url} (${IMAGES} images, seed ${SEED})`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
