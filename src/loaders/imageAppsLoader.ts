/**
 * HSS ListImageApps: one page of one image's software per distinct (image, page, name filter). The list is
 * a fact of the image's scan state, so that is its content version (cached long per scan state below).
 * An image never scanned has no software in HSS (it answers an empty list), so that answer is given here
 * without spending an HSS call.
 */
import DataLoader from 'dataloader';
import type { HssClient } from '../upstream/clients';
import type { HssImageApp, HssPage, HssRegistryImage } from '../upstream/hss/types';
import { imageIdentityKey, perImageQuery, scanStateVersion, wasNeverScanned } from '../domain/imageScan';
import { settleEach } from './settle';
import { dispatchBatch } from './batchSchedule';

export interface ImageAppsKey {
  image: HssRegistryImage;
  offset: number;
  /** Upstream limit, 10–200. */
  limit: number;
  appName?: string;
}

export type ImageAppsLoader = DataLoader<ImageAppsKey, HssPage<HssImageApp>, string>;

const EMPTY_PAGE: HssPage<HssImageApp> = { total_num: 0, data_list: [] };

function imageAppsKey(key: ImageAppsKey): string {
  return JSON.stringify([
    imageIdentityKey(key.image),
    scanStateVersion(key.image),
    key.offset,
    key.limit,
    key.appName,
  ]);
}

export function createImageAppsLoader(hss: HssClient, signal: AbortSignal): ImageAppsLoader {
  return new DataLoader<ImageAppsKey, HssPage<HssImageApp>, string>(
    (keys) =>
      settleEach(keys, async ({ image, offset, limit, appName }) => {
        if (wasNeverScanned(image)) return EMPTY_PAGE;
        return hss.listImageApps(
          image.image_id,
          {
            ...perImageQuery(image),
            offset,
            limit,
            ...(appName !== undefined ? { app_name: appName } : {}),
          },
          { signal, contentVersion: scanStateVersion(image) },
        );
      }),
    { batchScheduleFn: dispatchBatch, cacheKeyFn: imageAppsKey },
  );
}
