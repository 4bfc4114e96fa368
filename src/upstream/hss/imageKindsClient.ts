/**
 * HSS calls for CI/CD pipeline images and node-local images, part of the HSS client (client.ts spreads
 * them in): the two image lists (`list` policy), and the per-image results — software of either kind and
 * files statistics of a CI/CD image — which describe one scan, so they are cached long only when keyed by
 * the image's scan time (`contentVersion`), like the registry images' per-image results.
 */
import type { CallOptions } from '../clients';
import { checkListRange, checkMaxLength } from '../argumentChecks';
import {
  HSS_CICD_FILTER_MAX_LENGTH,
  HSS_IMAGE_KIND_LISTS_RANGE,
  HSS_LOCAL_FILTER_MAX_LENGTH,
} from '../facts';
import { encodePathSegment, type QueryValue } from '../transport/query';
import type { CachePolicy, UpstreamCall, UpstreamResult } from '../upstreamCall';
import { HSS_TAGS } from './cacheTags';
import { parseCicdImage, parseLocalImage } from './imageKindsParse';
import type {
  HssCicdImage,
  HssLocalImage,
  ListCicdImagesQuery,
  ListImageLocalQuery,
  ListLocalImageAppInfoQuery,
} from './imageKindsTypes';
import { parseHssPage, parseImageApp, parseImageFilesStat } from './parse';
import type { HssImageApp, HssImageFilesStat, HssPage } from './types';

/** What the HSS client's call builder takes (see client.ts). */
export interface HssCallSpec {
  api: string;
  method: 'GET' | 'POST';
  subPath: string;
  query: Readonly<Record<string, QueryValue>>;
  headers?: Record<string, string>;
  cachePolicy?: CachePolicy;
  cacheTags?: readonly string[];
  parseBody?: UpstreamCall['parseBody'];
  options: CallOptions;
}

export type HssCall = (spec: HssCallSpec) => Promise<UpstreamResult>;

/** Query of the software of one CI/CD image (ListImageApps with `image_type=cicd`: the id names it). */
export interface ListCicdImageAppsQuery {
  offset?: number;
  limit?: number;
  app_name?: string;
}

export interface HssImageKindsClient {
  listCicdImages(query: ListCicdImagesQuery, options?: CallOptions): Promise<HssPage<HssCicdImage>>;
  listImageLocal(query: ListImageLocalQuery, options?: CallOptions): Promise<HssPage<HssLocalImage>>;
  /** ListImageApps for a CI/CD image: `image_type=cicd` and the id only. */
  listCicdImageApps(
    imageId: string,
    query: ListCicdImageAppsQuery,
    options?: CallOptions,
  ): Promise<HssPage<HssImageApp>>;
  listLocalImageAppInfo(
    imageId: string,
    query: ListLocalImageAppInfoQuery,
    options?: CallOptions,
  ): Promise<HssPage<HssImageApp>>;
  /** ShowImageFilesStat for a CI/CD image: `image_type=cicd` and the id only (seed 000's second example). */
  showCicdImageFilesStat(imageId: string, options?: CallOptions): Promise<HssImageFilesStat>;
}

export const HSS_KIND_TAGS = { cicdImages: 'hss.cicdImages', localImages: 'hss.localImages' } as const;

function checkPaging(query: { limit?: number; offset?: number }): void {
  checkListRange(query, HSS_IMAGE_KIND_LISTS_RANGE);
}

function checkImageId(imageId: string): void {
  if (imageId === '') throw new TypeError('imageId must not be empty');
}

/** Scan-versioned results are exact, hence long-lived; without a version they are a list. */
function perScanPolicy(options: CallOptions): CachePolicy {
  return options.contentVersion === undefined ? 'list' : 'immutable';
}

const imageTags = (imageId: string) => [HSS_TAGS.anyImage, HSS_TAGS.image(imageId)];

export function imageKindsCalls(call: HssCall, region: string): HssImageKindsClient {
  return {
    async listCicdImages(query, options = {}) {
      checkPaging(query);
      for (const [name, max] of Object.entries(HSS_CICD_FILTER_MAX_LENGTH)) {
        checkMaxLength(name, query[name as keyof typeof HSS_CICD_FILTER_MAX_LENGTH], max);
      }
      const result = await call({
        api: 'hss.listCicdImages',
        method: 'GET',
        subPath: '/image/cicd/images',
        query: { ...query },
        cachePolicy: 'list',
        cacheTags: [HSS_KIND_TAGS.cicdImages],
        parseBody: (body) => parseHssPage(body, parseCicdImage),
        options,
      });
      return result.body as HssPage<HssCicdImage>;
    },

    async listImageLocal(query, options = {}) {
      checkPaging(query);
      checkMaxLength('image_name', query.image_name, HSS_LOCAL_FILTER_MAX_LENGTH);
      const result = await call({
        api: 'hss.listImageLocal',
        method: 'GET',
        subPath: '/image/local-repositories',
        query: { ...query },
        cachePolicy: 'list',
        cacheTags: [HSS_KIND_TAGS.localImages],
        parseBody: (body) => parseHssPage(body, parseLocalImage),
        options,
      });
      return result.body as HssPage<HssLocalImage>;
    },

    async listCicdImageApps(imageId, query, options = {}) {
      checkImageId(imageId);
      checkPaging(query);
      const result = await call({
        api: 'hss.listImageApps',
        method: 'GET',
        subPath: `/image/${encodePathSegment(imageId)}/apps`,
        query: { ...query, image_type: 'cicd' },
        cachePolicy: perScanPolicy(options),
        cacheTags: imageTags(imageId),
        parseBody: (body) => parseHssPage(body, parseImageApp),
        options,
      });
      return result.body as HssPage<HssImageApp>;
    },

    async listLocalImageAppInfo(imageId, query, options = {}) {
      checkImageId(imageId);
      checkPaging(query);
      const result = await call({
        api: 'hss.listLocalImageAppInfo',
        method: 'GET',
        subPath: '/image/local/apps',
        query: { ...query, image_id: imageId },
        cachePolicy: perScanPolicy(options),
        cacheTags: imageTags(imageId),
        parseBody: (body) => parseHssPage(body, parseImageApp),
        options,
      });
      return result.body as HssPage<HssImageApp>;
    },

    async showCicdImageFilesStat(imageId, options = {}) {
      checkImageId(imageId);
      const result = await call({
        api: 'hss.showImageFilesStat',
        method: 'GET',
        subPath: `/image/${encodePathSegment(imageId)}/files-statistics`,
        query: { image_type: 'cicd' },
        headers: { region },
        ...(!options.noStore && { cachePolicy: perScanPolicy(options) }),
        cacheTags: imageTags(imageId),
        parseBody: parseImageFilesStat,
        options,
      });
      return result.body as HssImageFilesStat;
    },
  };
}
