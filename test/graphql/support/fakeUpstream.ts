/**
 * Fake UpstreamClients over in-memory records. They check parameters the way the real APIs do (ranges,
 * required fields), so a resolver that would spend an HSS call on a 400 fails the test, and they record
 * every call so tests assert exact upstream call counts.
 */
import { UpstreamError } from '../../../src/errors/upstreamError';
import type { CallOptions, SwrSharedRepositoriesPage, UpstreamClients } from '../../../src/upstream/clients';
import type {
  BatchScanSwrImageBody,
  HssGlobalImageApp,
  HssImageApp,
  HssImageFilesStat,
  HssPage,
  HssRegistryImage,
} from '../../../src/upstream/hss/types';
import type { HssVulnerabilityApi } from '../../../src/upstream/hss/vulnerabilityClient';
import type { SwrShareCenter, SwrSharedRepository } from '../../../src/upstream/swr/types';
import type { WorkspaceImageInfo } from '../../../src/upstream/workspace/types';
import { fakeImageKinds, type FakeImageKindsData, type ImageKindsMethod } from './fakeImageKinds';

export interface FakeData extends FakeImageKindsData {
  images?: HssRegistryImage[];
  /** Software per image_id. */
  apps?: Record<string, HssImageApp[]>;
  globalApps?: HssGlobalImageApp[];
  /** Files statistics per image_id; images not listed get a default. */
  filesStats?: Record<string, HssImageFilesStat>;
  repos?: Partial<Record<SwrShareCenter, SwrSharedRepository[]>>;
  productImages?: WorkspaceImageInfo[];
}

export type Method =
  | 'hss.listRegistryImages'
  | 'hss.listGlobalImageApps'
  | 'hss.listImageApps'
  | 'hss.showImageFilesStat'
  | 'hss.batchScanSwrImage'
  | 'swr.listSharedRepositories'
  | 'workspace.listProductImages'
  | VulnerabilityMethod
  | ImageKindsMethod;

/** The vulnerability and baseline APIs: the fake records them and answers empty lists. */
const VULNERABILITY_METHODS = [
  'listImageVulnerabilities',
  'listGeneralImageVuls',
  'listVulnerabilityCve',
  'listVulAffectImages',
  'listVulAffectImageApps',
  'listImageRiskConfigs',
  'listImageRiskConfigRules',
] as const satisfies readonly (keyof HssVulnerabilityApi)[];
type VulnerabilityMethod = `hss.${(typeof VULNERABILITY_METHODS)[number]}`;

export interface RecordedCall {
  method: Method;
  args: unknown[];
  options: CallOptions | undefined;
}

export interface FakeUpstream {
  clients: UpstreamClients;
  calls: RecordedCall[];
  count(method?: Method): number;
  callsOf(method: Method): RecordedCall[];
  /** Every later call of `method` rejects with `error`. */
  fail(method: Method, error: UpstreamError): void;
  reset(): void;
}

function badRequest(service: 'hss' | 'swr' | 'workspace', api: string, message: string): UpstreamError {
  return new UpstreamError('UPSTREAM_BAD_REQUEST', message, {
    service,
    api,
    status: 400,
    errorCode: 'HSS.0001',
  });
}

function checkRange(api: string, name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw badRequest('hss', api, `${name} ${value} outside ${min}-${max}`);
  }
}

function page<T>(items: T[], offset = 0, limit = 10): HssPage<T> {
  return { total_num: items.length, data_list: items.slice(offset, offset + limit) };
}

function emptyVulnerabilityApi(
  record: (
    method: Method,
    args: unknown[],
    options: CallOptions | undefined,
    run: () => HssPage<never>,
  ) => Promise<HssPage<never>>,
): HssVulnerabilityApi {
  const api: Record<string, (...args: unknown[]) => Promise<HssPage<never>>> = {};
  for (const name of VULNERABILITY_METHODS) {
    api[name] = (...args: unknown[]) =>
      record(`hss.${name}`, args.slice(0, -1), args[args.length - 1] as CallOptions | undefined, () =>
        page([]),
      );
  }
  return api as unknown as HssVulnerabilityApi;
}

export function createFakeUpstream(data: FakeData): FakeUpstream {
  const calls: RecordedCall[] = [];
  const failures = new Map<Method, UpstreamError>();

  async function record<T>(method: Method, args: unknown[], options: CallOptions | undefined, run: () => T) {
    calls.push({ method, args, options });
    await Promise.resolve();
    const failure = failures.get(method);
    if (failure) throw failure;
    return run();
  }

  const images = data.images ?? [];

  const clients: UpstreamClients = {
    hss: {
      ...fakeImageKinds(data, record),
      listRegistryImages: (query, options) =>
        record('hss.listRegistryImages', [query], options, () => {
          checkRange('hss.listRegistryImages', 'limit', query.limit, 1, 200);
          checkRange('hss.listRegistryImages', 'offset', query.offset, 0, 2_000_000);
          const matching = images.filter(
            (image) =>
              (query.image_type === undefined || image.image_type === query.image_type) &&
              (query.namespace === undefined || image.namespace === query.namespace) &&
              (query.image_name === undefined || image.image_name === query.image_name) &&
              (query.image_version === undefined || image.image_version === query.image_version) &&
              (query.scan_status === undefined || image.scan_status === query.scan_status) &&
              (query.latest_version !== true || image.latest_version) &&
              (query.has_vul === undefined || image.vul_num > 0 === query.has_vul) &&
              (query.severity_level === undefined || image.severity_level === query.severity_level),
          );
          return page(matching, query.offset, query.limit);
        }),
      listGlobalImageApps: (query, options) =>
        record('hss.listGlobalImageApps', [query], options, () => {
          checkRange('hss.listGlobalImageApps', 'limit', query.limit, 10, 200);
          if (query.app_name !== undefined && query.app_name.length > 32) {
            throw badRequest('hss', 'hss.listGlobalImageApps', 'app_name too long');
          }
          const matching = (data.globalApps ?? []).filter(
            (app) =>
              (query.app_name === undefined || (app.app_name ?? '').includes(query.app_name)) &&
              (query.is_compliant === undefined || app.is_compliant === false),
          );
          return page(matching, query.offset, query.limit);
        }),
      listImageApps: (imageId, query, options) =>
        record('hss.listImageApps', [imageId, query], options, () => {
          checkRange('hss.listImageApps', 'limit', query.limit, 10, 200);
          if (!query.image_type) throw badRequest('hss', 'hss.listImageApps', 'image_type required');
          const apps = (data.apps?.[imageId] ?? []).filter(
            (app) => query.app_name === undefined || app.app_name.includes(query.app_name),
          );
          return page(apps, query.offset, query.limit);
        }),
      showImageFilesStat: (imageId, query, options) =>
        record('hss.showImageFilesStat', [imageId, query], options, () => {
          if (!query.image_type) throw badRequest('hss', 'hss.showImageFilesStat', 'image_type required');
          return data.filesStats?.[imageId] ?? { total_files_num: 1200, total_files_size: 2_500_000_000 };
        }),
      batchScanSwrImage: (body: BatchScanSwrImageBody, options) =>
        record('hss.batchScanSwrImage', [body], options, () => undefined),
      ...emptyVulnerabilityApi(record),
    },
    swr: {
      listSharedRepositories: (query, options) =>
        record('swr.listSharedRepositories', [query], options, (): SwrSharedRepositoriesPage => {
          const repos = (data.repos?.[query.center] ?? []).filter(
            (repo) =>
              (query.namespace === undefined || repo.namespace.includes(query.namespace)) &&
              (query.name === undefined || repo.name.includes(query.name)),
          );
          return { items: repos.slice(query.offset, query.offset + query.limit), total: repos.length };
        }),
    },
    workspace: {
      listProductImages: (query, options) =>
        record('workspace.listProductImages', [query], options, () => {
          const limit = query.limit ?? 100;
          if (limit < 0 || limit > 100) throw badRequest('workspace', 'workspace.listProductImages', 'limit');
          const matching = (data.productImages ?? []).filter(
            (image) =>
              (query.image_type === undefined || image.image_type === query.image_type) &&
              (query.os_type === undefined || image.os_type === query.os_type) &&
              (query.architecture === undefined || image.architecture === query.architecture) &&
              (query.image_id === undefined || image.id === query.image_id),
          );
          const offset = query.offset ?? 0;
          return { images: matching.slice(offset, offset + limit), total_count: matching.length };
        }),
    },
  };

  return {
    clients,
    calls,
    count: (method) => (method ? calls.filter((call) => call.method === method).length : calls.length),
    callsOf: (method) => calls.filter((call) => call.method === method),
    fail: (method, error) => failures.set(method, error),
    reset: () => {
      calls.length = 0;
      failures.clear();
    },
  };
}
