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

/**
 * The loaders of one request. Each is built the first time a resolver asks for it: a query uses a few of
 * them, and building all of them (about 30 DataLoaders) for every request cost ~35 µs, a tenth of a warm
 * request's CPU, most of them never used and response-cache hits using none.
 */
class RequestLoaders implements Loaders {
  #imageKinds?: ImageKindLoaders;
  #registryImagesPage?: RegistryImagesPageLoader;
  #imageByRef?: ImageByRefLoader;
  #filesStatistics?: FilesStatisticsLoader;
  #imageApps?: ImageAppsLoader;
  #globalImageAppsPage?: GlobalImageAppsPageLoader;
  #sharedRepository?: SharedRepositoryLoader;
  #sharedRepositoriesPage?: SharedRepositoriesPageLoader;
  #productImages?: ProductImagesLoader;
  #vulnerabilities?: VulnerabilityLoaders;

  constructor(
    private readonly clients: UpstreamClients,
    private readonly signal: AbortSignal,
  ) {}

  get registryImagesPage(): RegistryImagesPageLoader {
    return (this.#registryImagesPage ??= createRegistryImagesPageLoader(
      this.clients.hss,
      this.signal,
      (images) => primeImages(this.imageByRef, images),
    ));
  }
  get imageByRef(): ImageByRefLoader {
    return (this.#imageByRef ??= createImageByRefLoader(this.clients.hss, this.signal));
  }
  get filesStatistics(): FilesStatisticsLoader {
    return (this.#filesStatistics ??= createFilesStatisticsLoader(this.clients.hss, this.signal));
  }
  get imageApps(): ImageAppsLoader {
    return (this.#imageApps ??= createImageAppsLoader(this.clients.hss, this.signal));
  }
  get globalImageAppsPage(): GlobalImageAppsPageLoader {
    return (this.#globalImageAppsPage ??= createGlobalImageAppsPageLoader(this.clients.hss, this.signal));
  }
  get sharedRepository(): SharedRepositoryLoader {
    return (this.#sharedRepository ??= createSharedRepositoryLoader(this.clients.swr, this.signal));
  }
  get sharedRepositoriesPage(): SharedRepositoriesPageLoader {
    return (this.#sharedRepositoriesPage ??= createSharedRepositoriesPageLoader(
      this.clients.swr,
      this.signal,
      (center, page) => primeSharedRepositories(this.sharedRepository, center, page.items),
    ));
  }
  get productImages(): ProductImagesLoader {
    return (this.#productImages ??= createProductImagesLoader(this.clients.workspace, this.signal));
  }
  get vulnerabilities(): VulnerabilityLoaders {
    return (this.#vulnerabilities ??= createVulnerabilityLoaders(this.clients.hss, this.signal));
  }

  // The CI/CD and node-local image loaders are built together: a page of either kind uses most of them.
  private get imageKinds(): ImageKindLoaders {
    return (this.#imageKinds ??= createImageKindLoaders(this.clients.hss, this.signal));
  }
  get cicdImagesPage(): ImageKindLoaders['cicdImagesPage'] {
    return this.imageKinds.cicdImagesPage;
  }
  get localImagesPage(): ImageKindLoaders['localImagesPage'] {
    return this.imageKinds.localImagesPage;
  }
  get cicdImage(): ImageKindLoaders['cicdImage'] {
    return this.imageKinds.cicdImage;
  }
  get localImage(): ImageKindLoaders['localImage'] {
    return this.imageKinds.localImage;
  }
  get cicdImageApps(): ImageKindLoaders['cicdImageApps'] {
    return this.imageKinds.cicdImageApps;
  }
  get localImageApps(): ImageKindLoaders['localImageApps'] {
    return this.imageKinds.localImageApps;
  }
  get cicdFilesStatistics(): ImageKindLoaders['cicdFilesStatistics'] {
    return this.imageKinds.cicdFilesStatistics;
  }
}

export function createLoaders(clients: UpstreamClients, signal: AbortSignal): Loaders {
  return new RequestLoaders(clients, signal);
}

export type { ImageRefKey } from './imageByRefLoader';
export type { ImageAppsKey } from './imageAppsLoader';
export type { SharedRepositoryKey } from './sharedRepositoryLoader';
