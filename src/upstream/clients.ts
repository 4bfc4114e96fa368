/**
 * The typed upstream clients the loaders call. One per Huawei Cloud service; wire types stay snake_case.
 * Every method resolves with a parsed, shape-checked response or rejects with an `UpstreamError`.
 * Caching, coalescing, quota, retries and the token all happen below these methods.
 */
import type {
  BatchScanSwrImageBody,
  HssGlobalImageApp,
  HssImageApp,
  HssImageFilesStat,
  HssPage,
  HssRegistryImage,
  ListGlobalImageAppsQuery,
  ListImageAppsQuery,
  ListRegistryImagesQuery,
  ShowImageFilesStatQuery,
} from './hss/types';
import type { HssVulnerabilityApi } from './hss/vulnerabilityClient';
import type { HssImageKindsClient } from './hss/imageKindsClient';
import type { CallOptions } from './upstreamCall';
import type { ListSharedReposQuery, SwrSharedRepository } from './swr/types';
import type { ListProductImagesQuery, ListProductImagesResponse } from './workspace/types';

export type { CallOptions };

/**
 * Registry-image calls here; CI/CD and node-local image calls in `HssImageKindsClient`, vulnerabilities
 * and baseline checks in `HssVulnerabilityApi`.
 */
export interface HssClient extends HssImageKindsClient, HssVulnerabilityApi {
  listRegistryImages(
    query: ListRegistryImagesQuery,
    options?: CallOptions,
  ): Promise<HssPage<HssRegistryImage>>;
  listGlobalImageApps(
    query: ListGlobalImageAppsQuery,
    options?: CallOptions,
  ): Promise<HssPage<HssGlobalImageApp>>;
  listImageApps(
    imageId: string,
    query: ListImageAppsQuery,
    options?: CallOptions,
  ): Promise<HssPage<HssImageApp>>;
  showImageFilesStat(
    imageId: string,
    query: ShowImageFilesStatQuery,
    options?: CallOptions,
  ): Promise<HssImageFilesStat>;
  /** Not idempotent: never retried once sent. Invalidates cached image lists and software it makes stale. */
  batchScanSwrImage(body: BatchScanSwrImageBody, options?: CallOptions): Promise<void>;
}

export interface SwrSharedRepositoriesPage {
  items: SwrSharedRepository[];
  /** From `total_range` (or `Content-Range`); 0 for an empty list. */
  total: number;
}

export interface SwrClient {
  /** Always sends `center` and a `limit`/`offset` pair. */
  listSharedRepositories(
    query: ListSharedReposQuery & { center: 'self' | 'thirdparty'; limit: number; offset: number },
    options?: CallOptions,
  ): Promise<SwrSharedRepositoriesPage>;
}

export interface WorkspaceClient {
  listProductImages(query: ListProductImagesQuery, options?: CallOptions): Promise<ListProductImagesResponse>;
}

export interface UpstreamClients {
  hss: HssClient;
  swr: SwrClient;
  workspace: WorkspaceClient;
}
