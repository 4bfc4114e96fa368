/**
 * Software found in scanned images. Nothing is stored per record: the package selection of an image
 * is derived from (seed, image, scan generation), and each record's details from (…, position).
 * The global list (ListGlobalImageApps) is ordered by (image index, position) — stable for paging —
 * and served from prefix sums of per-image counts; name and compliance filters use posting lists
 * built in one pass on first use (~1M records in well under a second) and rebuilt after scans change.
 */
import type { HssGlobalImageApp, HssRegistryKind } from '../../upstream/hss/types';
import { LruCache } from '../lru';
import type { ImageTable } from './images';
import { hash32, rngFor, SALT, sha256For } from './prng';
import type { ScanStates } from './scanState';
import {
  isOsPackage,
  packagePool,
  packagesMatching,
  SOFTWARE_CATALOG,
  type SoftwarePackage,
} from './softwareCatalog';
import { distributeVulnerabilities, vulnerabilityCapacity } from './vulnerabilityCatalog';

/** A software record with every field ListGlobalImageApps can return. */
export type SimulatedImageApp = Required<HssGlobalImageApp>;

/** What a record needs to know about its image. */
export interface AppImageContext {
  namespace: string;
  imageName: string;
  imageVersion: string;
  imageId: string;
  registryKind: HssRegistryKind;
}

export interface SoftwareQuery {
  /** Case-insensitive substring of the package name. */
  appName?: string;
  nonCompliantOnly?: boolean;
  offset: number;
  limit: number;
}

const { floor, min, sqrt } = Math; // see prng.ts: avoids slow global lookups in sandboxes

/** Position `j` of image `i` in one number: images have at most 200 records. */
const KEY_STRIDE = 256;
const OS_FAMILY_INDEX = { rpm: 0, deb: 1, apk: 2 } as const;

interface PostingLists {
  version: number;
  byPackage: Uint32Array[];
  nonCompliant: Uint32Array;
}

export class SoftwareStore {
  private prefixVersion = -1;
  /** prefix[i] = number of records in images before i (current scan state). */
  private prefix = new Float64Array(1);
  private postings: PostingLists | undefined;
  private readonly filtered = new LruCache<string, Uint32Array>(64);
  private readonly recordsCache = new LruCache<string, SimulatedImageApp[]>(512);

  constructor(
    private readonly seed: number,
    private readonly images: ImageTable,
    private readonly scans: ScanStates,
    private readonly contextOf: (i: number) => AppImageContext,
  ) {}

  /** Package ids of image `i`'s records in list order (sorted; a package may repeat as a vendored copy). */
  selection(i: number, generation: number, count: number): Int32Array {
    const repository = this.images.repository(i);
    const pool = packagePool(repository.os, repository.stack);
    const rng = rngFor(this.seed, SALT.appSelection, i, generation);
    const picked = new Int32Array(count);
    const scratch = pool.slice();
    const distinct = min(count, scratch.length);
    for (let k = 0; k < distinct; k++) {
      const swap = k + floor(rng.next() * (scratch.length - k));
      const chosen = scratch[swap] as number;
      scratch[swap] = scratch[k] as number;
      picked[k] = chosen;
    }
    // Larger images than the pool: extra copies of language packages bundled in other paths.
    if (count > distinct) {
      const bundled = Array.from(pool).filter((id) => !isOsPackage(SOFTWARE_CATALOG[id] as SoftwarePackage));
      const source = bundled.length > 0 ? bundled : Array.from(pool);
      for (let k = distinct; k < count; k++) picked[k] = rng.pick(source);
    }
    return picked.sort();
  }

  isCompliant(packageId: number, i: number, generation: number, position: number): boolean {
    if ((SOFTWARE_CATALOG[packageId] as SoftwarePackage).nonCompliant) return false;
    return hash32(this.seed, SALT.appCompliance, i * KEY_STRIDE + position, generation) % 100 >= 2;
  }

  /** Every record of image `i` in its current scan state ([] unless its last scan succeeded). */
  recordsOf(i: number): SimulatedImageApp[] {
    const scan = this.scans.get(i);
    if (scan.status !== 'success' || scan.appCount === 0) return [];
    const cacheKey = `${i}:${scan.generation}`;
    const cached = this.recordsCache.get(cacheKey);
    if (cached) return cached;
    const context = this.contextOf(i);
    const repository = this.images.repository(i);
    const layerCount = 3 + (hash32(this.seed, SALT.layer, i) % 8);
    const baseLayer = sha256For(this.seed, SALT.baseLayer, OS_FAMILY_INDEX[repository.os]);
    const runtimeLayer = sha256For(this.seed, SALT.layer, repository.index);
    const selection = this.selection(i, scan.generation, scan.appCount);
    const records: SimulatedImageApp[] = [];
    const vulnerabilityWeights: number[] = [];
    for (let j = 0; j < selection.length; j++) {
      const packageId = selection[j] as number;
      const pkg = SOFTWARE_CATALOG[packageId] as SoftwarePackage;
      const copy = j > 0 && selection[j - 1] === packageId ? 1 : 0;
      const rng = rngFor(this.seed, SALT.appDetail, i * KEY_STRIDE + j, scan.generation);
      const last = pkg.versions.length - 1;
      const versionIndex = min(last, floor(sqrt(rng.next()) * pkg.versions.length));
      const age = last === 0 ? 0 : (last - versionIndex) / last;
      const vulnerable = scan.vul > 0 && rng.chance(pkg.risk * (0.3 + 0.7 * age));
      const vulNum = vulnerable ? 1 + floor(rng.next() ** 2 * (2 + 25 * pkg.risk * age)) : 0;
      const layer = isOsPackage(pkg)
        ? baseLayer
        : layerCount > 2 && rng.chance(0.5)
          ? runtimeLayer
          : sha256For(this.seed, SALT.layer + 1, i * 16 + rng.int(2, layerCount - 1));
      const version = pkg.versions[versionIndex] as string;
      vulnerabilityWeights.push(vulNum);
      records.push({
        app_name: pkg.name,
        app_type: pkg.appType,
        app_version: version,
        vul_num: vulNum,
        app_path: appPath(pkg, version, copy),
        layer_digest: layer,
        is_compliant: this.isCompliant(packageId, i, scan.generation, j),
        latest_scan_time: scan.scanTime,
        image_type: context.registryKind,
        namespace: context.namespace,
        image_name: context.imageName,
        image_version: context.imageVersion,
        image_id: context.imageId,
      });
    }
    // The image's vul_num is split over its records, so the apps' counts add up to it exactly.
    const capacities = Array.from(selection, (packageId) => vulnerabilityCapacity(packageId));
    distributeVulnerabilities(vulnerabilityWeights, capacities, scan.vul).forEach((count, j) => {
      (records[j] as SimulatedImageApp).vul_num = count;
    });
    this.recordsCache.set(cacheKey, records);
    return records;
  }

  /** Records across all images (current state). */
  totalRecords(): number {
    this.refreshPrefix();
    return this.prefix[this.images.count] as number;
  }

  /** One page of the global list, plus the number of matching records. */
  page(query: SoftwareQuery): { total: number; items: SimulatedImageApp[] } {
    if (query.appName === undefined && !query.nonCompliantOnly) return this.unfilteredPage(query);
    const keys = this.matchingKeys(query.appName, query.nonCompliantOnly === true);
    const pageKeys = keys.subarray(
      min(query.offset, keys.length),
      min(query.offset + query.limit, keys.length),
    );
    const items: SimulatedImageApp[] = [];
    for (const key of pageKeys) {
      const record = this.recordsOf(floor(key / KEY_STRIDE))[key % KEY_STRIDE];
      if (record) items.push(record);
    }
    return { total: keys.length, items };
  }

  private unfilteredPage(query: SoftwareQuery): { total: number; items: SimulatedImageApp[] } {
    this.refreshPrefix();
    const total = this.prefix[this.images.count] as number;
    const items: SimulatedImageApp[] = [];
    if (query.offset >= total) return { total, items };
    // Last image whose first record is at or before `offset`.
    let low = 0;
    let high = this.images.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.prefix[mid] as number) <= query.offset) low = mid;
      else high = mid - 1;
    }
    let position = query.offset - (this.prefix[low] as number);
    for (let i = low; i < this.images.count && items.length < query.limit; i++) {
      const records = this.recordsOf(i);
      while (position < records.length && items.length < query.limit)
        items.push(records[position++] as SimulatedImageApp);
      position = 0;
    }
    return { total, items };
  }

  private refreshPrefix(): void {
    const version = this.scans.currentVersion();
    if (version === this.prefixVersion) return;
    const prefix = new Float64Array(this.images.count + 1);
    for (let i = 0; i < this.images.count; i++) {
      const count = this.scans.status(i) === 'success' ? this.scans.appCount(i) : 0;
      prefix[i + 1] = (prefix[i] as number) + count;
    }
    this.prefix = prefix;
    this.prefixVersion = version;
  }

  private matchingKeys(appName: string | undefined, nonCompliantOnly: boolean): Uint32Array {
    const postings = this.currentPostings();
    const cacheKey = `${postings.version}|${nonCompliantOnly ? 1 : 0}|${appName?.toLowerCase() ?? ''}`;
    const cached = this.filtered.get(cacheKey);
    if (cached) return cached;
    let keys: Uint32Array;
    if (appName === undefined) keys = postings.nonCompliant;
    else {
      const lists = packagesMatching(appName).map((id) => postings.byPackage[id] as Uint32Array);
      keys = lists.length === 1 ? (lists[0] as Uint32Array) : mergeSorted(lists);
      if (nonCompliantOnly) keys = intersectSorted(keys, postings.nonCompliant);
    }
    this.filtered.set(cacheKey, keys);
    return keys;
  }

  private currentPostings(): PostingLists {
    const version = this.scans.currentVersion();
    if (this.postings?.version === version) return this.postings;
    this.filtered.clear();
    const byPackage: number[][] = SOFTWARE_CATALOG.map(() => []);
    const nonCompliant: number[] = [];
    for (let i = 0; i < this.images.count; i++) {
      if (this.scans.status(i) !== 'success') continue;
      const count = this.scans.appCount(i);
      if (count === 0) continue;
      const generation = this.scans.generation(i);
      const selection = this.selection(i, generation, count);
      for (let j = 0; j < selection.length; j++) {
        const packageId = selection[j] as number;
        const key = i * KEY_STRIDE + j;
        (byPackage[packageId] as number[]).push(key);
        if (!this.isCompliant(packageId, i, generation, j)) nonCompliant.push(key);
      }
    }
    this.postings = {
      version,
      byPackage: byPackage.map((keys) => Uint32Array.from(keys)),
      nonCompliant: Uint32Array.from(nonCompliant),
    };
    return this.postings;
  }
}

function appPath(pkg: SoftwarePackage, version: string, copy: number): string {
  switch (pkg.ecosystem) {
    case 'jar':
      return `${copy ? '/opt/agent/lib' : '/app/lib'}/${pkg.name}-${version}.jar`;
    case 'npm':
      return `${copy ? '/usr/local/lib/node_modules/npm/node_modules' : '/app/node_modules'}/${pkg.name}`;
    case 'python':
      return `${copy ? '/opt/venv/lib/python3.11/site-packages' : '/usr/local/lib/python3.11/site-packages'}/${pkg.name}`;
    case 'go':
      return copy ? '/usr/local/bin/healthcheck' : '/app/bin/server';
    case 'apk':
      return '/lib/apk/db/installed';
    default:
      return '/usr';
  }
}

function mergeSorted(lists: Uint32Array[]): Uint32Array {
  let length = 0;
  for (const list of lists) length += list.length;
  const merged = new Uint32Array(length);
  let at = 0;
  for (const list of lists) {
    merged.set(list, at);
    at += list.length;
  }
  return merged.sort();
}

function intersectSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < a.length && y < b.length) {
    const left = a[x] as number;
    const right = b[y] as number;
    if (left === right) {
      out.push(left);
      x++;
      y++;
    } else if (left < right) x++;
    else y++;
  }
  return Uint32Array.from(out);
}
