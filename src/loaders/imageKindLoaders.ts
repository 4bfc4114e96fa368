/**
 * Loaders for CI/CD pipeline images and node-local images: their list pages (which prime the lookups by
 * id), lookups by id (`node(id)`, `ImageApp.image`), software pages of one image, and files statistics of a
 * CI/CD image. Per-image results are a fact of the image's scan state, so they are keyed (and cached long)
 * by the image and that state; an image never scanned costs no call: HSS holds nothing for it.
 */
import type DataLoader from 'dataloader';
import type { HssClient } from '../upstream/clients';
import type {
  HssCicdImage,
  HssLocalImage,
  ListCicdImagesQuery,
  ListImageLocalQuery,
} from '../upstream/hss/imageKindsTypes';
import type { HssImageApp, HssImageFilesStat, HssPage } from '../upstream/hss/types';
import { scanStateVersion } from '../domain/imageScan';
import { createCallLoader, type CallLoader } from './callLoader';
import { createImageByIdLoader, type ImageByIdLoader } from './imageByIdLoader';
import { createScannedImageLoader } from './scannedImageLoader';

/** A CI/CD image by id; namespace and name (known wherever the id is) batch lookups per repository. */
export interface CicdImageKey {
  imageId: string;
  namespace: string;
  name: string;
}

/** A node-local image by id; the list can only narrow by name (fuzzy) and tag. */
export interface LocalImageKey {
  imageId: string;
  name: string;
  tag: string;
}

export interface ImageAppsPageKey<R> {
  image: R;
  offset: number;
  /** Upstream limit, 10–200. */
  limit: number;
  appName?: string;
}

export interface ImageKindLoaders {
  cicdImagesPage: CallLoader<ListCicdImagesQuery, HssPage<HssCicdImage>>;
  localImagesPage: CallLoader<ListImageLocalQuery, HssPage<HssLocalImage>>;
  cicdImage: ImageByIdLoader<CicdImageKey, HssCicdImage>;
  localImage: ImageByIdLoader<LocalImageKey, HssLocalImage>;
  cicdImageApps: DataLoader<ImageAppsPageKey<HssCicdImage>, HssPage<HssImageApp>, string>;
  localImageApps: DataLoader<ImageAppsPageKey<HssLocalImage>, HssPage<HssImageApp>, string>;
  /** Null for an image never scanned (no call). */
  cicdFilesStatistics: DataLoader<HssCicdImage, HssImageFilesStat | null, string>;
}

const EMPTY_PAGE: HssPage<HssImageApp> = { total_num: 0, data_list: [] };

export function createImageKindLoaders(hss: HssClient, signal: AbortSignal): ImageKindLoaders {
  const cicdImage = createImageByIdLoader<CicdImageKey, HssCicdImage>({
    groupOf: (key) => JSON.stringify([key.namespace, key.name]),
    oneQuery: (key) => ({ image_id: key.imageId }),
    groupQuery: (key) => ({ namespace: key.namespace, image_name: key.name }),
    list: (query, offset, limit) => hss.listCicdImages({ ...query, offset, limit }, { signal }),
    keyId: (key) => key.imageId,
    belongs: (record, key) => record.image_id === key.imageId,
  });
  const localImage = createImageByIdLoader<LocalImageKey, HssLocalImage>({
    groupOf: (key) => key.name,
    oneQuery: (key) => ({ image_name: key.name, ...(key.tag !== '' && { image_version: key.tag }) }),
    groupQuery: (key) => ({ image_name: key.name }),
    list: (query, offset, limit) => hss.listImageLocal({ ...query, offset, limit }, { signal }),
    keyId: (key) => key.imageId,
    belongs: (record, key) => record.image_id === key.imageId && record.image_name === key.name,
  });
  return {
    cicdImagesPage: createCallLoader(
      (query: ListCicdImagesQuery) => hss.listCicdImages(query, { signal }),
      (page) => {
        for (const record of page.data_list) cicdImage.prime(cicdKeyOf(record), record);
      },
    ),
    localImagesPage: createCallLoader(
      (query: ListImageLocalQuery) => hss.listImageLocal(query, { signal }),
      (page) => {
        for (const record of page.data_list) localImage.prime(localKeyOf(record), record);
      },
    ),
    cicdImage,
    localImage,
    cicdImageApps: createScannedImageLoader(
      (key: ImageAppsPageKey<HssCicdImage>) => [key.image, key.offset, key.limit, key.appName],
      async ({ image, offset, limit, appName }) =>
        hss.listCicdImageApps(
          image.image_id,
          { offset, limit, ...(appName !== undefined && { app_name: appName }) },
          { signal, contentVersion: scanStateVersion(image) },
        ),
      EMPTY_PAGE,
    ),
    localImageApps: createScannedImageLoader(
      (key: ImageAppsPageKey<HssLocalImage>) => [key.image, key.offset, key.limit, key.appName],
      async ({ image, offset, limit, appName }) =>
        hss.listLocalImageAppInfo(
          image.image_id,
          { offset, limit, ...(appName !== undefined && { app_name: appName }) },
          { signal, contentVersion: scanStateVersion(image) },
        ),
      EMPTY_PAGE,
    ),
    cicdFilesStatistics: createScannedImageLoader(
      (image: HssCicdImage) => [image],
      (image) =>
        hss.showCicdImageFilesStat(image.image_id, { signal, contentVersion: scanStateVersion(image) }),
      null,
    ),
  };
}

export function cicdKeyOf(record: HssCicdImage): CicdImageKey {
  return { imageId: record.image_id, namespace: record.namespace, name: record.image_name };
}

export function localKeyOf(record: HssLocalImage): LocalImageKey {
  return { imageId: record.image_id, name: record.image_name, tag: record.image_version };
}
