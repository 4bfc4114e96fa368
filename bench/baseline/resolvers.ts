/**
 * The baseline's resolvers: straightforward per-field resolvers over the data sources, as most teams
 * write them first. Each join calls its API per parent object (files statistics per image, software per
 * image, the SWR repository per image, the HSS image per software row); only RESTDataSource's default
 * per-request GET deduplication merges identical URLs.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type {
  HssGlobalImageApp,
  HssImageApp,
  HssRegistryImage,
  HssRegistryImageType,
  HssRegistryKind,
} from '../../src/upstream/hss/types';
import type { SwrSharedRepository } from '../../src/upstream/swr/types';
import type { WorkspaceImageInfo } from '../../src/upstream/workspace/types';
import type { BaselineContext } from './dataSources';

type Args = Record<string, unknown>;
type Center = 'self' | 'thirdparty';
type RepoParent = SwrSharedRepository & { center: Center };
type AppParent =
  (HssImageApp & { parentImage: HssRegistryImage }) | (HssGlobalImageApp & { parentImage?: undefined });

// ---- enum and id mapping -----------------------------------------------------------------------------

const IMAGE_TYPES: Record<string, HssRegistryImageType> = {
  PRIVATE: 'private_image',
  SHARED: 'shared_image',
  ENTERPRISE: 'instance_image',
  HARBOR: 'harbor',
  JFROG: 'jfrog',
};
const imageTypeName = (wire: string): string =>
  Object.entries(IMAGE_TYPES).find(([, value]) => value === wire)?.[0] ?? 'PRIVATE';
const KIND_TO_TYPE: Partial<Record<HssRegistryKind, HssRegistryImageType>> = {
  SwrPrivate: 'private_image',
  SwrShared: 'shared_image',
  SwrEnterprise: 'instance_image',
  Harbor: 'harbor',
  Jfrog: 'jfrog',
};
const SCAN_STATUS: Record<string, string> = {
  unscan: 'UNSCANNED',
  success: 'SUCCESS',
  scanning: 'SCANNING',
  failed: 'FAILED',
  download_failed: 'DOWNLOAD_FAILED',
  image_oversized: 'IMAGE_OVERSIZED',
  waiting_for_scan: 'WAITING_FOR_SCAN',
};
const SCAN_STATUS_FILTER: Record<string, string> = Object.fromEntries(
  Object.entries(SCAN_STATUS).map(([wire, name]) => [name, wire]),
);
const SEVERITY: Record<string, string> = { Security: 'SECURE', Low: 'LOW', Medium: 'MEDIUM', High: 'HIGH' };
const SEVERITY_FILTER: Record<string, string> = Object.fromEntries(
  Object.entries(SEVERITY).map(([wire, name]) => [name, wire]),
);
const FAILURE_CODES = new Set([
  'UNKNOWN_ERROR',
  'AUTHENTICATION_FAILED',
  'DOWNLOAD_FAILED',
  'IMAGE_OVER_SIZED',
  'GET_DETAIL_INFO_NOT_FOUND',
  'IMAGE_LAYER_OVER_SIZED',
  'SCHEMA_V1_NOT_SUPPORT',
  'ACCESS_SWR_FAILED',
  'SWR_AUTHENTICATION_ERROR',
  'FAILED_TO_SCAN_VULNERABILITY',
  'FAILED_TO_SCAN_FILE',
  'FAILED_TO_SCAN_SOFTWARE',
  'FAILED_TO_CHECK_SENSITIVE_INFORMATION',
  'FAILED_TO_CHECK_BASELINE',
  'FAILED_TO_CHECK_SOFTWARE_COMPLIANCE',
  'FAILED_TO_QUERY_BASIC_IMAGE_INFORMATION',
  'FAILED_TO_CHECK_BUILD_CMD',
  'RESPONSE_TIMED_OUT',
  'DATABASE_ERROR',
  'FAILED_TO_SEND_THE_SCAN_REQUEST',
]);

export const encodeId = (parts: unknown[]): string =>
  Buffer.from(JSON.stringify(parts)).toString('base64url');
function decodeId(id: string): unknown[] {
  try {
    const parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts)) return parts;
  } catch {
    // fall through
  }
  throw new GraphQLError('Malformed id.', { extensions: { code: 'BAD_USER_INPUT' } });
}

// ---- pagination ----------------------------------------------------------------------------------------

const cursorOf = (index: number): string => Buffer.from(`i:${index}`).toString('base64url');
export function offsetAfter(after: unknown): number {
  if (typeof after !== 'string') return 0;
  const match = /^i:(\d+)$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw new GraphQLError('Malformed cursor.', { extensions: { code: 'BAD_USER_INPUT' } });
  return Number(match[1]) + 1;
}
export function pageSize(first: unknown, max: number): number {
  const value = typeof first === 'number' ? first : 20;
  if (value < 1 || value > max) {
    throw new GraphQLError(`first must be 1–${max}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}
export function connection<T>(items: T[], offset: number, total: number) {
  const edges = items.map((node, i) => ({ cursor: cursorOf(offset + i), node }));
  return {
    edges,
    nodes: items,
    totalCount: total,
    pageInfo: {
      hasNextPage: offset + items.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

// ---- scalars -------------------------------------------------------------------------------------------

const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => new Date(value as string | number).toISOString(),
  parseValue: (value) => new Date(value as string),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? new Date(ast.value) : null),
});
const SafeInt = new GraphQLScalarType({
  name: 'SafeInt',
  serialize: (value) => Number(value),
  parseValue: (value) => Number(value),
  parseLiteral: (ast) => (ast.kind === Kind.INT ? Number(ast.value) : null),
});

// ---- shared lookups ------------------------------------------------------------------------------------

async function findImage(
  ctx: BaselineContext,
  type: HssRegistryImageType,
  namespace: string,
  name: string,
  tag: string,
): Promise<HssRegistryImage | null> {
  const page = await ctx.dataSources.hss.listRegistryImages({
    image_type: type,
    namespace,
    image_name: name,
    image_version: tag,
    limit: 10,
  });
  return (
    page.data_list.find(
      (image) => image.namespace === namespace && image.image_name === name && image.image_version === tag,
    ) ?? null
  );
}

function centerOf(image: HssRegistryImage): Center | null {
  if (image.image_type === 'private_image') return 'self';
  if (image.image_type === 'shared_image') return 'thirdparty';
  return null;
}

// ---- resolvers -----------------------------------------------------------------------------------------

export const resolvers = {
  DateTime,
  SafeInt,

  Node: {
    __resolveType(parent: Record<string, unknown>): string {
      if ('image_digest' in parent) return 'ContainerImage';
      if ('center' in parent) return 'SharedRepository';
      return 'ProductImage';
    },
  },

  Query: {
    async node(_: unknown, { id }: Args, ctx: BaselineContext) {
      const [kind, ...rest] = decodeId(String(id));
      if (kind === 'ContainerImage') {
        const [type, namespace, name, tag] = rest.map(String);
        return findImage(
          ctx,
          IMAGE_TYPES[type ?? ''] ?? 'private_image',
          namespace ?? '',
          name ?? '',
          tag ?? '',
        );
      }
      if (kind === 'SharedRepository') {
        const [center, namespace, name] = rest.map(String) as [Center, string, string];
        const repos = await ctx.dataSources.swr.listSharedRepositories({
          center,
          namespace,
          name,
          limit: 100,
          offset: 0,
        });
        const repo = repos.find((r) => r.namespace === namespace && r.name === name);
        return repo ? { ...repo, center } : null;
      }
      if (kind === 'ProductImage') {
        const result = await ctx.dataSources.workspace.listImages({ image_id: String(rest[0]) });
        return result.images[0] ?? null;
      }
      return null;
    },

    async containerImages(_: unknown, args: Args, ctx: BaselineContext) {
      const limit = pageSize(args.first, 200);
      const offset = offsetAfter(args.after);
      const filter = (args.filter ?? {}) as Record<string, unknown>;
      const page = await ctx.dataSources.hss.listRegistryImages({
        image_type: filter.type ? IMAGE_TYPES[String(filter.type)] : undefined,
        namespace: filter.namespace as string | undefined,
        image_name: filter.name as string | undefined,
        image_version: filter.tag as string | undefined,
        scan_status: filter.scanStatus
          ? (SCAN_STATUS_FILTER[String(filter.scanStatus)] as 'unscan' | undefined)
          : undefined,
        latest_version: filter.latestVersionOnly as boolean | undefined,
        has_vul: filter.hasVulnerabilities as boolean | undefined,
        severity_level: filter.severity
          ? (SEVERITY_FILTER[String(filter.severity)] as 'Low' | undefined)
          : undefined,
        limit,
        offset,
      });
      return connection(page.data_list, offset, page.total_num);
    },

    async containerImage(_: unknown, args: Args, ctx: BaselineContext) {
      let parts: string[];
      if (typeof args.id === 'string') {
        const [kind, ...rest] = decodeId(args.id);
        if (kind !== 'ContainerImage')
          throw new GraphQLError('Not an image id.', { extensions: { code: 'BAD_USER_INPUT' } });
        parts = rest.map(String);
      } else {
        parts = [args.type, args.namespace, args.name, args.tag].map((value) => String(value ?? ''));
      }
      const [type, namespace, name, tag] = parts as [string, string, string, string];
      const image = await findImage(ctx, IMAGE_TYPES[type] ?? 'private_image', namespace, name, tag);
      if (!image) throw new GraphQLError('No such image.', { extensions: { code: 'NOT_FOUND' } });
      return image;
    },

    async imageSoftware(_: unknown, args: Args, ctx: BaselineContext) {
      const first = pageSize(args.first, 200);
      const offset = offsetAfter(args.after);
      const filter = (args.filter ?? {}) as Record<string, unknown>;
      const page = await ctx.dataSources.hss.listGlobalImageApps({
        app_name: filter.name as string | undefined,
        image_type: filter.imageKind ? (String(filter.imageKind).toLowerCase() as 'local') : undefined,
        is_compliant: filter.nonCompliantOnly ? false : undefined,
        limit: Math.max(10, first),
        offset,
      });
      return connection(page.data_list.slice(0, first), offset, page.total_num);
    },

    async sharedRepositories(_: unknown, args: Args, ctx: BaselineContext) {
      const limit = pageSize(args.first, 100);
      const offset = offsetAfter(args.after);
      const center: Center = args.center === 'SELF' ? 'self' : 'thirdparty';
      const filter = (args.filter ?? {}) as Record<string, unknown>;
      const repos = await ctx.dataSources.swr.listSharedRepositories({
        center,
        name: filter.name as string | undefined,
        namespace: filter.namespace as string | undefined,
        limit,
        offset,
      });
      const total = repos[0]?.total_range ?? 0;
      return connection(
        repos.map((repo) => ({ ...repo, center })),
        offset,
        total,
      );
    },

    async productImages(_: unknown, args: Args, ctx: BaselineContext) {
      const limit = pageSize(args.first, 100);
      const offset = offsetAfter(args.after);
      const filter = (args.filter ?? {}) as Record<string, unknown>;
      const result = await ctx.dataSources.workspace.listImages({
        image_type: filter.type ? (String(filter.type).toLowerCase() as 'gold') : undefined,
        os_type: filter.osType as string | undefined,
        platform: filter.platform as string | undefined,
        architecture: filter.architecture as string | undefined,
        package_type: filter.packageType as string | undefined,
        limit,
        offset,
      });
      return connection(result.images, offset, result.total_count);
    },
  },

  Mutation: {
    async scanImages(_: unknown, { input }: Args, ctx: BaselineContext) {
      const { imageType, images, all, filter } = input as {
        imageType: string;
        images?: { namespace: string; name: string; tag: string }[];
        all?: boolean;
        filter?: Record<string, unknown>;
      };
      const type = IMAGE_TYPES[imageType] as 'private_image';
      await ctx.dataSources.hss.batchScan({
        image_type: type,
        operate_all: all ?? undefined,
        image_info_list: images?.map((image) => ({
          namespace: image.namespace,
          image_name: image.name,
          image_version: image.tag,
        })),
        namespace: filter?.namespace as string | undefined,
        image_name: filter?.name as string | undefined,
        image_version: filter?.tag as string | undefined,
      });
      return { accepted: true, requestedCount: images?.length ?? null, imageType, all: all === true };
    },
  },

  // Software rows of registry searches name registry images only (the baseline has no other kinds).
  Image: { __resolveType: () => 'ContainerImage' },

  ContainerImage: {
    kind: () => 'REGISTRY',
    id: (image: HssRegistryImage) =>
      encodeId([
        'ContainerImage',
        imageTypeName(image.image_type),
        image.namespace,
        image.image_name,
        image.image_version,
      ]),
    imageId: (image: HssRegistryImage) => image.image_id,
    digest: (image: HssRegistryImage) => image.image_digest || null,
    type: (image: HssRegistryImage) => imageTypeName(image.image_type),
    name: (image: HssRegistryImage) => image.image_name,
    tag: (image: HssRegistryImage) => image.image_version,
    reference: (image: HssRegistryImage) => `${image.namespace}/${image.image_name}:${image.image_version}`,
    sizeBytes: (image: HssRegistryImage) => image.image_size,
    latestVersion: (image: HssRegistryImage) => image.latest_version,
    updatedAt: (image: HssRegistryImage) => image.latest_update_time || null,
    registryName: (image: HssRegistryImage) => image.registry_name || null,
    ownerDomain: (image: HssRegistryImage) => image.domain_name || null,
    multiArch: (image: HssRegistryImage) => image.is_multiple_arch === true,
    scan: (image: HssRegistryImage) => ({
      status: SCAN_STATUS[image.scan_status] ?? 'UNSCANNED',
      failureCode: image.scan_failed_code
        ? FAILURE_CODES.has(image.scan_failed_code.toUpperCase())
          ? image.scan_failed_code.toUpperCase()
          : 'UNKNOWN_ERROR'
        : null,
      failureReason: image.scan_failed_desc || null,
      lastScannedAt: image.latest_scan_time || null,
      severity: SEVERITY[image.severity_level] ?? null,
      vulnerabilityCount: image.vul_num,
      unsafeSettingCount: image.unsafe_setting_num,
      maliciousFileCount: image.malicious_file_num,
      scannable: image.scannable,
    }),

    async fileStatistics(image: HssRegistryImage, _: Args, ctx: BaselineContext) {
      const stats = await ctx.dataSources.hss.showImageFilesStat(image.image_id, {
        image_type: image.image_type,
        namespace: image.namespace,
        image_name: image.image_name,
        tag_name: image.image_version,
      });
      return { fileCount: stats.total_files_num, totalSizeBytes: stats.total_files_size };
    },

    async apps(image: HssRegistryImage, args: Args, ctx: BaselineContext) {
      const first = pageSize(args.first, 200);
      const offset = offsetAfter(args.after);
      const filter = (args.filter ?? {}) as Record<string, unknown>;
      const page = await ctx.dataSources.hss.listImageApps(image.image_id, {
        image_type: image.image_type,
        namespace: image.namespace,
        image_name: image.image_name,
        tag_name: image.image_version,
        app_name: filter.name as string | undefined,
        limit: Math.max(10, first),
        offset,
      });
      const apps = page.data_list.slice(0, first).map((app) => ({ ...app, parentImage: image }));
      return connection(apps, offset, page.total_num);
    },

    async sharedRepository(image: HssRegistryImage, _: Args, ctx: BaselineContext) {
      const center = centerOf(image);
      if (!center) return null;
      const repos = await ctx.dataSources.swr.listSharedRepositories({
        center,
        namespace: image.namespace,
        name: image.image_name,
        limit: 100,
        offset: 0,
      });
      const repo = repos.find((r) => r.namespace === image.namespace && r.name === image.image_name);
      return repo ? { ...repo, center } : null;
    },
  },

  ImageApp: {
    name: (app: AppParent) => app.app_name ?? '',
    type: (app: AppParent) => app.app_type ?? null,
    version: (app: AppParent) => app.app_version ?? null,
    vulnerabilityCount: (app: AppParent) => app.vul_num ?? null,
    path: (app: AppParent) => ('app_path' in app ? (app.app_path ?? null) : null),
    layerDigest: (app: AppParent) => ('layer_digest' in app ? (app.layer_digest ?? null) : null),
    compliant: (app: AppParent) => ('is_compliant' in app ? (app.is_compliant ?? null) : null),
    lastScannedAt: (app: AppParent) => ('latest_scan_time' in app ? app.latest_scan_time || null : null),
    async image(app: AppParent, _: Args, ctx: BaselineContext) {
      if (app.parentImage) return app.parentImage;
      const global = app as HssGlobalImageApp;
      const type = global.image_type ? KIND_TO_TYPE[global.image_type] : undefined;
      if (!type || !global.namespace || !global.image_name || !global.image_version) return null;
      return findImage(ctx, type, global.namespace, global.image_name, global.image_version);
    },
  },

  SharedRepository: {
    id: (repo: RepoParent) => encodeId(['SharedRepository', repo.center, repo.namespace, repo.name]),
    center: (repo: RepoParent) => (repo.center === 'self' ? 'SELF' : 'THIRDPARTY'),
    category: (repo: RepoParent) => (repo.category ? repo.category.toUpperCase() : null),
    sizeBytes: (repo: RepoParent) => repo.size,
    isPublic: (repo: RepoParent) => repo.is_public,
    tagCount: (repo: RepoParent) => repo.num_images,
    downloadCount: (repo: RepoParent) => repo.num_download,
    createdAt: (repo: RepoParent) => repo.created_at || null,
    updatedAt: (repo: RepoParent) => repo.updated_at || null,
    pullPath: (repo: RepoParent) => repo.path,
    internalPullPath: (repo: RepoParent) => repo.internal_path || null,
    ownerDomain: (repo: RepoParent) => repo.domain_name,
    shareValid: (repo: RepoParent) => (repo.center === 'thirdparty' ? repo.status : null),
    tags: (repo: RepoParent) => repo.tags ?? [],

    async images(repo: RepoParent, args: Args, ctx: BaselineContext) {
      const first = pageSize(args.first, 200);
      const offset = offsetAfter(args.after);
      const page = await ctx.dataSources.hss.listRegistryImages({
        image_type: repo.center === 'self' ? 'private_image' : 'shared_image',
        namespace: repo.namespace,
        image_name: repo.name,
        limit: 200,
      });
      const byTag = new Map(page.data_list.map((image) => [image.image_version, image]));
      const known = repo.tags.map((tag) => byTag.get(tag)).filter((image) => image !== undefined);
      return connection(known.slice(offset, offset + first), offset, known.length);
    },
  },

  ProductImage: {
    id: (image: WorkspaceImageInfo) => encodeId(['ProductImage', image.id]),
    imageId: (image: WorkspaceImageInfo) => image.id,
    type: (image: WorkspaceImageInfo) => image.image_type.toUpperCase(),
    osType: (image: WorkspaceImageInfo) => image.os_type,
    osVersion: (image: WorkspaceImageInfo) => image.os_version,
    diskFormat: (image: WorkspaceImageInfo) => image.disk_format,
    minRamMb: (image: WorkspaceImageInfo) => image.min_ram,
    minDiskGb: (image: WorkspaceImageInfo) => image.min_disk,
    productCode: (image: WorkspaceImageInfo) => image.product_code || null,
    createdAt: (image: WorkspaceImageInfo) => image.created_at || null,
  },
};
