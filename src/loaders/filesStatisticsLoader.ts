/**
 * HSS ShowImageFilesStat, one call per distinct image (the API has no batch form). Statistics of a
 * successfully scanned image describe immutable content and may be cached long below; anything else is a
 * placeholder, sent with `noStore` so it is never cached.
 */
import DataLoader from 'dataloader';
import type { HssClient } from '../upstream/clients';
import type { HssImageFilesStat, HssRegistryImage } from '../upstream/hss/types';
import { hasSuccessfulScan } from './scanState';
import { settleEach } from './settle';

export type FilesStatisticsLoader = DataLoader<HssRegistryImage, HssImageFilesStat, string>;

export function imageIdentityKey(image: HssRegistryImage): string {
  return JSON.stringify([
    image.image_type,
    image.image_id,
    image.namespace,
    image.image_name,
    image.image_version,
  ]);
}

export function createFilesStatisticsLoader(hss: HssClient, signal: AbortSignal): FilesStatisticsLoader {
  return new DataLoader<HssRegistryImage, HssImageFilesStat, string>(
    (images) =>
      settleEach(images, (image) =>
        hss.showImageFilesStat(
          image.image_id,
          {
            image_type: image.image_type,
            namespace: image.namespace,
            image_name: image.image_name,
            tag_name: image.image_version,
          },
          { signal, ...(hasSuccessfulScan(image) ? {} : { noStore: true }) },
        ),
      ),
    { cacheKeyFn: imageIdentityKey },
  );
}
