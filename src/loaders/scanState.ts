/** What an image's scan state says about the data HSS holds for it. */
import type { HssRegistryImage } from '../upstream/hss/types';

/**
 * HSS sets `latest_scan_time` when a scan completes and leaves it 0 before: such an image has no software
 * list (HSS answers an empty one), so the gateway answers that itself without spending a call.
 */
export function wasNeverScanned(image: HssRegistryImage): boolean {
  return !(image.latest_scan_time > 0);
}

/**
 * Only the results of a successful scan describe the image content; anything else (placeholders of an
 * unscanned, failed or running scan) must not be stored by the client cache.
 */
export function hasSuccessfulScan(image: HssRegistryImage): boolean {
  return image.scan_status === 'success' && image.latest_scan_time > 0;
}
