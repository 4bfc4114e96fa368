/** What an image's scan state says about the data HSS holds for it. */
/** The scan facts every image kind's record carries (registry, CI/CD and node-local images). */
export interface ScanFacts {
  latest_scan_time: number;
  scan_status: string;
}

/**
 * HSS sets `latest_scan_time` when a scan completes and leaves it 0 before: such an image has no software
 * list (HSS answers an empty one), so the gateway answers that itself without spending a call.
 */
export function wasNeverScanned(image: ScanFacts): boolean {
  return !(image.latest_scan_time > 0);
}

/**
 * Only the results of a successful scan describe the image content; anything else (placeholders of an
 * unscanned, failed or running scan) must not be stored by the client cache.
 */
export function hasSuccessfulScan(image: ScanFacts): boolean {
  return image.scan_status === 'success' && image.latest_scan_time > 0;
}
