/**
 * HSS ListImageApps: one page of one image's software per distinct (image, page, name filter). The list is
 * a fact of the image's last scan, so `latest_scan_time` is its content version (cached per scan below).
 * An image never scanned has no software in HSS (it answers an empty list), so that answer is given here
 * without spending an HSS call.
 */
import DataLoader from 'dataloader';
import type { HssClient } from '../upstream/clients';
import type { HssImageApp, HssPage, HssRegistryImage } from '../upstream/hss/types';
import { imageIdentityKey } from './filesStatisticsLoader';
import { wasNeverScanned } from './scanState';
import { settleEach } from './settle';

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
    key.image.latest_scan_time,
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
            image_type: image.image_type,
            namespace: image.namespace,
            image_name: image.image_name,
            tag_name: image.image_version,
            offset,
            limit,
            ...(appName !== undefined ? { app_name: appName } : {}),
          },
          { signal, contentVersion: image.latest_scan_time },
        );
      }),
    { cacheKeyFn: imageAppsKey },
  );
}
