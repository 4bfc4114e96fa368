/** All DataLoaders of one GraphQL request. Built per request: they dedupe, batch and prime within it. */
import type { UpstreamClients } from '../upstream/clients';
import { createFilesStatisticsLoader, type FilesStatisticsLoader } from './filesStatisticsLoader';
import { createGlobalImageAppsPageLoader, type GlobalImageAppsPageLoader } from './globalImageAppsPageLoader';
import { createImageAppsLoader, type ImageAppsLoader } from './imageAppsLoader';
import { createImageKindLoaders, type ImageKindLoaders } from './imageKindLoaders';
import { createImageByRefLoader, primeImages, type ImageByRefLoader } from './imageByRefLoader';
import { createProductImagesLoader, type ProductImagesLoader } from './productImagesLoader';
import { createRegistryImagesPageLoader, type RegistryImagesPageLoader } from './registryImagesPageLoader';
import {
  createSharedRepositoriesPageLoader,
  type SharedRepositoriesPageLoader,
} from './sharedRepositoriesPageLoader';
import {
  createSharedRepositoryLoader,
  primeSharedRepositories,
  type SharedRepositoryLoader,
} from './sharedRepositoryLoader';
import { createVulnerabilityLoaders, type VulnerabilityLoaders } from './vulnerabilityLoaders';

/** CI/CD and node-local image loaders come from imageKindLoaders.ts. */
export interface Loaders extends ImageKindLoaders {
  registryImagesPage: RegistryImagesPageLoader;
  imageByRef: ImageByRefLoader;
  filesStatistics: FilesStatisticsLoader;
  imageApps: ImageAppsLoader;
  globalImageAppsPage: GlobalImageAppsPageLoader;
  sharedRepository: SharedRepositoryLoader;
  sharedRepositoriesPage: SharedRepositoriesPageLoader;
  productImages: ProductImagesLoader;
  /** Image vulnerabilities, the vulnerability-centric lists and baseline checks. */
  vulnerabilities: VulnerabilityLoaders;
}

export function createLoaders(clients: UpstreamClients, signal: AbortSignal): Loaders {
  const imageByRef = createImageByRefLoader(clients.hss, signal);
  const sharedRepository = createSharedRepositoryLoader(clients.swr, signal);
  return {
    ...createImageKindLoaders(clients.hss, signal),
    registryImagesPage: createRegistryImagesPageLoader(clients.hss, signal, (images) =>
      primeImages(imageByRef, images),
    ),
    imageByRef,
    filesStatistics: createFilesStatisticsLoader(clients.hss, signal),
    imageApps: createImageAppsLoader(clients.hss, signal),
    globalImageAppsPage: createGlobalImageAppsPageLoader(clients.hss, signal),
    sharedRepository,
    sharedRepositoriesPage: createSharedRepositoriesPageLoader(clients.swr, signal, (center, page) =>
      primeSharedRepositories(sharedRepository, center, page.items),
    ),
    productImages: createProductImagesLoader(clients.workspace, signal),
    vulnerabilities: createVulnerabilityLoaders(clients.hss, signal),
  };
}

export type { ImageRefKey } from './imageByRefLoader';
export type { ImageAppsKey } from './imageAppsLoader';
export type { SharedRepositoryKey } from './sharedRepositoryLoader';
