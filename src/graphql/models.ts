/**
 * The objects resolvers pass between each other (codegen `mappers`): upstream records, wrapped only where
 * a GraphQL type needs something the record alone does not say (which share center, where an app came from).
 */
import type {
  HssGlobalAppImageKind,
  HssGlobalImageApp,
  HssImageApp,
  HssRegistryImage,
} from '../upstream/hss/types';
import type { SwrShareCenter, SwrSharedRepository } from '../upstream/swr/types';
import type { WorkspaceImageInfo } from '../upstream/workspace/types';
import type { ImageModel } from './imageKindModels';

/** A `ContainerImage`: one HSS registry-image record. */
export interface ContainerImageModel {
  readonly kind: 'ContainerImage';
  readonly record: HssRegistryImage;
}

/** An `ImageApp` plus where it was listed: the per-image list (image known) or the global search. */
export type ImageAppModel =
  | { readonly source: 'image'; readonly app: HssImageApp; readonly image: ImageModel }
  | {
      readonly source: 'global';
      readonly app: HssGlobalImageApp;
      /** The `image_type` the search asked for: which kind of image the row names (registry if unset). */
      readonly imageKind?: HssGlobalAppImageKind;
    };

/** A `SharedRepository`: the SWR record and the side of the share it was listed under. */
export interface SharedRepositoryModel {
  readonly kind: 'SharedRepository';
  readonly center: SwrShareCenter;
  readonly repo: SwrSharedRepository;
}

/** A `ProductImage` is the Workspace record as is. */
export type ProductImageModel = WorkspaceImageInfo;

/** One page of a connection: the items shown, their absolute start offset, and the whole list's size. */
export interface Page<T> {
  readonly items: T[];
  readonly offset: number;
  readonly total: number;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export type ContainerImagePage = Page<ContainerImageModel>;
export type ContainerImageEdgeModel = Edge<ContainerImageModel>;
export type ImageAppPage = Page<ImageAppModel>;
export type ImageAppEdgeModel = Edge<ImageAppModel>;
export type SharedRepositoryPage = Page<SharedRepositoryModel>;
export type SharedRepositoryEdgeModel = Edge<SharedRepositoryModel>;
export type ProductImagePage = Page<ProductImageModel>;
export type ProductImageEdgeModel = Edge<ProductImageModel>;
export type { ImageScanModel } from './imageKindModels';

/** One upstream API's budget as `upstreamQuota` shows it. */
export interface UpstreamQuotaModel {
  api: string;
  service: string;
  limit: number;
  windowMs: number;
  used: number;
  remaining: number;
  nextSlotInMs: number;
  pausedForMs: number;
  queued: number;
  oldestQueuedMs: number;
}

export function containerImageModel(record: HssRegistryImage): ContainerImageModel {
  return { kind: 'ContainerImage', record };
}

export function sharedRepositoryModel(
  center: SwrShareCenter,
  repo: SwrSharedRepository,
): SharedRepositoryModel {
  return { kind: 'SharedRepository', center, repo };
}
