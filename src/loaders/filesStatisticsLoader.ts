/**
 * HSS ShowImageFilesStat, one call per distinct image (the API has no batch form). The answer is a fact
 * of the image's scan state, so it is cached long under that version whatever the state: a warm page costs
 * nothing, and a new scan (seen in the image list) is a new key.
 */
import DataLoader from 'dataloader';
import { imageIdentityKey, perImageQuery, scanStateVersion } from '../domain/imageScan';
import type { HssClient } from '../upstream/clients';
import type { HssImageFilesStat, HssRegistryImage } from '../upstream/hss/types';
import { settleEach } from './settle';
import { dispatchBatch } from './batchSchedule';

export type FilesStatisticsLoader = DataLoader<HssRegistryImage, HssImageFilesStat, string>;

export function createFilesStatisticsLoader(hss: HssClient, signal: AbortSignal): FilesStatisticsLoader {
  return new DataLoader<HssRegistryImage, HssImageFilesStat, string>(
    (images) =>
      settleEach(images, (image) =>
        hss.showImageFilesStat(image.image_id, perImageQuery(image), {
          signal,
          contentVersion: scanStateVersion(image),
        }),
      ),
    {
      batchScheduleFn: dispatchBatch,
      cacheKeyFn: (image) => `${imageIdentityKey(image)}${scanStateVersion(image)}`,
    },
  );
}
