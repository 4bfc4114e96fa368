/**
 * What an HSS registry image's identity and scan state mean for the data HSS holds about it. Loaders
 * and resolvers both decide with these, so "never scanned" or "same content" means one thing everywhere.
 */
import type { HssRegistryImage, HssRegistryImageType } from '../upstream/hss/types';

/** An image by reference: what HSS lists can be filtered by (it cannot fetch an image by id). */
export interface ImageRefKey {
  type: HssRegistryImageType;
  namespace: string;
  name: string;
  tag: string;
}

export function refOfImage(image: HssRegistryImage): ImageRefKey {
  return {
    type: image.image_type,
    namespace: image.namespace,
    name: image.image_name,
    tag: image.image_version,
  };
}

/**
 * HSS sets `latest_scan_time` when a scan completes and leaves it 0 before: such an image has no software
 * list and no file statistics in HSS, so the gateway answers for it without spending a call.
 */
/** The scan facts every image kind's record carries (registry, CI/CD and node-local images). */
export interface ScanFacts {
  scan_status: string;
  latest_scan_time: number;
}

export function wasNeverScanned(image: ScanFacts): boolean {
  return !(image.latest_scan_time > 0);
}

/**
 * What HSS answers about one image (file statistics, software) is a function of the image and its scan
 * state: the same status and scan time always give the same answer, whatever the status, and a new scan
 * changes the time or the status. So this is the version that makes a per-image cache key exact.
 */
export function scanStateVersion(image: ScanFacts): string {
  return `${image.scan_status}@${image.latest_scan_time}`;
}

/** One key per image identity (per-request loader keys). */
export function imageIdentityKey(image: HssRegistryImage): string {
  return JSON.stringify([
    image.image_type,
    image.image_id,
    image.namespace,
    image.image_name,
    image.image_version,
  ]);
}

/** The query parameters that name one registry image in HSS's per-image APIs. */
export function perImageQuery(image: HssRegistryImage) {
  return {
    image_type: image.image_type,
    namespace: image.namespace,
    image_name: image.image_name,
    tag_name: image.image_version,
  };
}
