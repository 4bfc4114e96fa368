/**
 * One upstream call per distinct (image, scan state, arguments) for results that exist only after a scan:
 * an image never scanned answers `unscanned` without a call. The key includes the scan state version, so
 * a rescan seen within the request asks again.
 */
import DataLoader from 'dataloader';
import { scanStateVersion, wasNeverScanned, type ScanFacts } from '../domain/imageScan';
import { settleEach } from './settle';
import { dispatchBatch } from './batchSchedule';

interface ImageRecord extends ScanFacts {
  image_id: string;
}

export function createScannedImageLoader<K, V, U>(
  /** The image first, then whatever else distinguishes the call. */
  partsOf: (key: K) => [ImageRecord, ...unknown[]],
  load: (key: K) => Promise<V>,
  unscanned: U,
): DataLoader<K, V | U, string> {
  return new DataLoader<K, V | U, string>(
    (keys) => settleEach(keys, async (key) => (wasNeverScanned(partsOf(key)[0]) ? unscanned : load(key))),
    {
      batchScheduleFn: dispatchBatch,
      cacheKeyFn: (key) => {
        const [image, ...rest] = partsOf(key);
        return JSON.stringify([image.image_id, scanStateVersion(image), ...rest]);
      },
    },
  );
}
