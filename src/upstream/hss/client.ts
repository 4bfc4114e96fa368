/**
 * The HSS v5 client: builds `UpstreamCall`s for the image APIs and shape-checks every answer. The CI/CD and
 * node-local image calls live in imageKindsClient.ts.
 */
import type { CallOptions, HssClient } from '../clients';
import { checkIntegerRange, checkListRange, checkMaxLength } from '../argumentChecks';
import {
  HSS_APP_NAME_MAX_LENGTH,
  HSS_APPS_RANGE,
  HSS_REGISTRY_IMAGES_RANGE,
  HSS_SCAN_TASK_MAX_RATE_LIMIT,
  HSS_SCAN_TASKS_RANGE,
} from '../facts';
import { projectIdGetter, type ProjectIdInput } from '../projectIdInput';
import { isPromise } from '../sameTurn';
import type { CachePolicy, UpstreamCall, UpstreamHandler } from '../upstreamCall';
import { encodePathSegment, stringifyQuery, type QueryValue } from '../transport/query';
import { HSS_TAGS } from './cacheTags';
import { parseImageScanTask } from './scanTaskParse';
import type { CreateManualImageScanTaskBody, HssImageScanTask } from './scanTaskTypes';
import { hssVulnerabilityMethods } from './vulnerabilityClient';
import { imageKindsCalls } from './imageKindsClient';
import {
  parseGlobalImageApp,
  parseHssPage,
  parseImageApp,
  parseImageFilesStat,
  parseRegistryImage,
} from './parse';
import type {
  BatchScanSwrImageBody,
  HssGlobalImageApp,
  HssImageApp,
  HssImageFilesStat,
  HssPage,
  HssRegistryImage,
} from './types';

export interface HssClientOptions {
  handler: UpstreamHandler;
  projectId: ProjectIdInput;
  /** Region id for the `region` header (mandatory on files-statistics). */
  region: string;
  /** Sent as `enterprise_project_id` unless a query sets its own. */
  enterpriseProjectId?: string;
}

export interface CallSpec {
  api: string;
  method: 'GET' | 'POST';
  /** Path after `/v5/{project_id}`, segments already encoded. */
  subPath: string;
  query: Readonly<Record<string, QueryValue>>;
  headers?: Record<string, string>;
  body?: string;
  cachePolicy?: CachePolicy;
  cacheTags?: readonly string[];
  invalidates?: readonly string[];
  parseBody?: UpstreamCall['parseBody'];
  options: CallOptions;
}

export function createHssClient(config: HssClientOptions): HssClient {
  const projectId = projectIdGetter(config.projectId);

  const call = async ({ subPath, query, options, ...spec }: CallSpec) => {
    const id = projectId(options.signal);
    const upstreamCall: UpstreamCall = {
      ...spec,
      service: 'hss',
      path: `/v5/${encodePathSegment(isPromise(id) ? await id : id)}${subPath}`,
      query: stringifyQuery({
        ...query,
        enterprise_project_id: query['enterprise_project_id'] ?? config.enterpriseProjectId,
      }),
      headers: spec.headers ?? {},
      idempotent: spec.method === 'GET',
      options,
    };
    return config.handler(upstreamCall);
  };

  return {
    ...imageKindsCalls(call, config.region),

    async listRegistryImages(query, options = {}) {
      checkListRange(query, HSS_REGISTRY_IMAGES_RANGE);
      const result = await call({
        api: 'hss.listRegistryImages',
        method: 'GET',
        subPath: '/image/registries/images',
        query: { ...query },
        cachePolicy: 'list',
        cacheTags: [HSS_TAGS.registryImages],
        parseBody: (body) => parseHssPage(body, parseRegistryImage),
        options,
      });
      return result.body as HssPage<HssRegistryImage>;
    },

    async listGlobalImageApps(query, options = {}) {
      checkListRange(query, HSS_APPS_RANGE);
      checkMaxLength('app_name', query.app_name, HSS_APP_NAME_MAX_LENGTH);
      const result = await call({
        api: 'hss.listGlobalImageApps',
        method: 'GET',
        subPath: '/image/apps',
        query: { ...query },
        cachePolicy: 'list',
        cacheTags: [HSS_TAGS.globalApps],
        parseBody: (body) => parseHssPage(body, parseGlobalImageApp),
        options,
      });
      return result.body as HssPage<HssGlobalImageApp>;
    },

    async listImageApps(imageId, query, options = {}) {
      checkImageId(imageId);
      checkListRange(query, HSS_APPS_RANGE);
      const result = await call({
        api: 'hss.listImageApps',
        method: 'GET',
        subPath: `/image/${encodePathSegment(imageId)}/apps`,
        query: { ...query },
        // Software changes only on a rescan: exact (long-lived) only when keyed by the scan time.
        cachePolicy: options.contentVersion === undefined ? 'list' : 'immutable',
        cacheTags: perImageTags(imageId, query.namespace, query.image_name, query.tag_name),
        parseBody: (body) => parseHssPage(body, parseImageApp),
        options,
      });
      return result.body as HssPage<HssImageApp>;
    },

    async showImageFilesStat(imageId, query, options = {}) {
      checkImageId(imageId);
      const result = await call({
        api: 'hss.showImageFilesStat',
        method: 'GET',
        subPath: `/image/${encodePathSegment(imageId)}/files-statistics`,
        query: { ...query },
        headers: { region: config.region },
        // The files of an image id never change; the caller opts out for never-scanned placeholders.
        ...(!options.noStore && { cachePolicy: 'immutable' as const }),
        cacheTags: perImageTags(imageId, query.namespace, query.image_name, query.tag_name),
        parseBody: parseImageFilesStat,
        options,
      });
      return result.body as HssImageFilesStat;
    },

    async batchScanSwrImage(body, options = {}) {
      if (!body.operate_all && !body.image_info_list?.length) {
        throw new TypeError('batch-scan needs image_info_list or operate_all: true');
      }
      await call({
        api: 'hss.batchScanSwrImage',
        method: 'POST',
        subPath: '/image/batch-scan',
        query: {},
        headers: { region: config.region },
        body: JSON.stringify(body),
        invalidates: batchScanInvalidations(body),
        options,
      });
      // 200 with an empty body: nothing to check.
    },

    async createManualImageScanTask(body, query = {}, options = {}) {
      if (!body.is_all && !body.image_info?.length) {
        throw new TypeError('a scan task needs image_info or is_all: true');
      }
      checkIntegerRange('rate_limit', body.rate_limit, 0, HSS_SCAN_TASK_MAX_RATE_LIMIT);
      await call({
        api: 'hss.createManualImageScanTask',
        method: 'POST',
        subPath: '/image/image-scan/tasks',
        query: { ...query },
        headers: { region: config.region },
        body: JSON.stringify(body),
        invalidates: scanTaskInvalidations(body),
        options,
      });
    },

    async listImageScanTasks(query, options = {}) {
      checkListRange(query, HSS_SCAN_TASKS_RANGE);
      const result = await call({
        api: 'hss.listImageScanTasks',
        method: 'GET',
        subPath: '/image/tasks',
        query: { ...query },
        headers: { region: config.region },
        cachePolicy: 'list',
        cacheTags: [HSS_TAGS.scanTasks],
        parseBody: (json) => parseHssPage(json, parseImageScanTask),
        options,
      });
      return result.body as HssPage<HssImageScanTask>;
    },
    ...hssVulnerabilityMethods(call),
  };
}

/** A scan task makes the same results stale as a batch scan of the same images, and the task list. */
function scanTaskInvalidations(body: CreateManualImageScanTaskBody): string[] {
  const named = body.image_info?.map((image) => ({
    namespace: image.namespace,
    image_name: image.image_name,
    image_version: image.image_version,
  }));
  return [
    HSS_TAGS.scanTasks,
    ...batchScanInvalidations({
      image_type: 'private_image',
      ...(body.is_all ? { operate_all: true } : { image_info_list: named ?? [] }),
    }),
  ];
}

export function checkImageId(imageId: string): void {
  if (imageId === '') throw new TypeError('imageId must not be empty');
}

export function perImageTags(
  imageId: string,
  namespace?: string,
  imageName?: string,
  tag?: string,
): string[] {
  const tags = [HSS_TAGS.anyImage, HSS_TAGS.image(imageId)];
  if (namespace !== undefined && imageName !== undefined && tag !== undefined) {
    tags.push(HSS_TAGS.imageRef(namespace, imageName, tag));
  }
  return tags;
}

/** A scan changes scan status in the lists and the software of the scanned images. */
function batchScanInvalidations(body: BatchScanSwrImageBody): string[] {
  const tags: string[] = [HSS_TAGS.registryImages, HSS_TAGS.globalApps, HSS_TAGS.vulnerabilities];
  if (body.operate_all) return [...tags, HSS_TAGS.anyImage];
  for (const image of body.image_info_list ?? []) {
    if (
      image.namespace !== undefined &&
      image.image_name !== undefined &&
      image.image_version !== undefined
    ) {
      tags.push(HSS_TAGS.imageRef(image.namespace, image.image_name, image.image_version));
    } else {
      // An image named only partly cannot be matched to its cached entries: purge them all.
      return [...tags, HSS_TAGS.anyImage];
    }
  }
  return tags;
}
