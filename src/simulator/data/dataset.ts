/**
 * The simulator's data: registry images, their software and file statistics, SWR shared
 * repositories and Workspace product images, all derived from (seed, size) and mutated only by
 * batch-scan. Routes call it; tests read it through `SimulatorDataset`.
 */
import type {
  HssAssociateImage,
  HssImageFilesStat,
  HssRegistryImage,
  HssRegistryImageType,
  HssScanStatus,
  HssSeverityLevel,
} from '../../upstream/hss/types';
import type { SwrSharedRepository, SwrShareCenter } from '../../upstream/swr/types';
import type { WorkspaceImageInfo } from '../../upstream/workspace/types';
import { LruCache } from '../lru';
import { failureDescription, ImageTable } from './images';
import { ImageKindsStore } from './imageKinds';
import { hash32, SALT, sha256For } from './prng';
import { buildProductImages, type ProductImageRecord } from './productImages';
import { buildRepositories, type RepositoryRecord } from './repositories';
import { ScanStates } from './scanState';
import { SharedRepositoryStore } from './sharedRepositories';
import { SoftwareStore, type SimulatedImageApp } from './software';

export type { SimulatedImageApp } from './software';
export type { RepositoryRecord } from './repositories';

export interface ImageReference {
  type?: HssRegistryImageType;
  namespace: string;
  name: string;
  tag: string;
}

/** Parsed filters of ListRegistryImages (and of batch-scan with `operate_all`). All combine with AND. */
export interface RegistryImageFilter {
  namespace?: string;
  imageName?: string;
  imageVersion?: string;
  registryName?: string;
  imageType?: HssRegistryImageType;
  scanStatus?: HssScanStatus;
  /** Only `true` filters (the API's default false means "all tags"). */
  latestVersionOnly?: boolean;
  imageSize?: number;
  hasVul?: boolean;
  hasMaliciousFile?: boolean;
  hasUnsafeSetting?: boolean;
  risky?: boolean;
  isMultiArch?: boolean;
  severity?: HssSeverityLevel;
  instanceId?: string;
  instanceName?: string;
  updateTime?: readonly [number, number];
  scanTime?: readonly [number, number];
  syncTime?: readonly [number, number];
  sortByScanTime?: 'asc' | 'desc';
}

export interface DatasetSummary {
  images: number;
  repositories: number;
  imagesByType: Record<string, number>;
  imagesByStatus: Record<string, number>;
  sharedRepositories: Record<SwrShareCenter, number>;
  productImages: { gold: number; private: number };
  softwareRecords: number;
}

/**
 * Read access to the generated data, for tests and tools. Every method reflects the current state
 * (batch-scans included).
 *
 * - `imageCount`; `getImage(index)` (0-based; `id` = index + 1) → the `HssRegistryImage` the list returns.
 * - `findImage({type?, namespace, name, tag})` → that image or undefined (namespace/name are unique).
 * - `imageIndexOf(imageId)`; `imagesOfRepository(namespace, name)` → its tags as images, push order.
 * - `appsOfImage(imageId)` → every software record of an image, with all 13 ListGlobalImageApps
 *   fields (path, layer digest, compliance, scan time, registry kind and the image reference);
 *   `[]` when the image's last scan did not succeed. ListImageApps returns the first four fields.
 * - `filesStat(imageId)` → `{total_files_num, total_files_size}` (`{0,0}` unless scanned successfully).
 * - `sharedRepositories(center)` → the full SWR list of a center (repository order, `total_range` set).
 * - `productImages()` → the Workspace images (name order); `summary()` → counts per type, status, center.
 */
export interface SimulatorDataset {
  readonly seed: number;
  readonly region: string;
  readonly projectId: string;
  readonly imageCount: number;
  readonly repositoryCount: number;
  getImage(index: number): HssRegistryImage;
  imageIndexOf(imageId: string): number | undefined;
  findImage(reference: ImageReference): HssRegistryImage | undefined;
  imagesOfRepository(namespace: string, name: string): HssRegistryImage[];
  repositories(): readonly RepositoryRecord[];
  appsOfImage(imageId: string): SimulatedImageApp[];
  filesStat(imageId: string): HssImageFilesStat;
  sharedRepositories(center: SwrShareCenter): SwrSharedRepository[];
  productImages(): WorkspaceImageInfo[];
  totalSoftwareRecords(): number;
  summary(): DatasetSummary;
  /** CI/CD pipeline images and node-local images, with their software (data/imageKinds.ts). */
  readonly imageKinds: ImageKindsStore;
}

export interface DatasetOptions {
  seed: number;
  imageCount: number;
  region: string;
  projectId: string;
  ownDomain: string;
  scanDurationMs: number;
}

export class Dataset implements SimulatorDataset {
  readonly seed: number;
  readonly region: string;
  readonly projectId: string;
  readonly imageCount: number;
  readonly repositoryCount: number;
  readonly images: ImageTable;
  readonly scans: ScanStates;
  readonly software: SoftwareStore;
  readonly shared: SharedRepositoryStore;
  readonly products: readonly ProductImageRecord[];
  readonly imageKinds: ImageKindsStore;
  private readonly byQualifiedName: Map<string, number>;
  private readonly byType = new Map<HssRegistryImageType, Uint32Array>();
  private idIndex: Map<string, number> | undefined;
  private readonly queryCache = new LruCache<string, Uint32Array>(256);
  private queryCacheVersion = -1;

  constructor(options: DatasetOptions) {
    this.seed = options.seed;
    this.region = options.region;
    this.projectId = options.projectId;
    this.imageCount = options.imageCount;
    const table = buildRepositories(options.seed, options.imageCount, options.region, options.ownDomain);
    this.byQualifiedName = table.byQualifiedName;
    this.repositoryCount = table.repositories.length;
    this.images = new ImageTable(options.seed, table.repositories, options.imageCount);
    this.scans = new ScanStates(options.seed, this.images, options.scanDurationMs);
    this.software = new SoftwareStore(options.seed, this.images, this.scans, (i) => ({
      namespace: this.images.repository(i).namespace,
      imageName: this.images.repository(i).name,
      imageVersion: this.images.tag(i),
      imageId: this.imageIdOf(i),
      registryKind: this.images.repository(i).registry.registryType,
    }));
    this.shared = new SharedRepositoryStore(options.seed, options.region, this.images);
    this.imageKinds = new ImageKindsStore(options.seed, options.imageCount, options.region);
    this.products = buildProductImages(options.seed).sort((a, b) => compareText(a.info.name, b.info.name));
    const typeLists = new Map<HssRegistryImageType, number[]>();
    for (let i = 0; i < this.imageCount; i++) {
      const type = this.images.repository(i).type;
      let list = typeLists.get(type);
      if (!list) typeLists.set(type, (list = []));
      list.push(i);
    }
    for (const [type, list] of typeLists) this.byType.set(type, Uint32Array.from(list));
  }

  imageIdOf(i: number): string {
    return sha256For(this.seed, SALT.imageId, i);
  }

  getImage(index: number): HssRegistryImage {
    if (!Number.isInteger(index) || index < 0 || index >= this.imageCount) {
      throw new RangeError(`image index ${index} is outside 0..${this.imageCount - 1}`);
    }
    this.scans.settle();
    const repository = this.images.repository(index);
    const scan = this.scans.get(index);
    const registry = repository.registry;
    const tag = this.images.tag(index);
    return {
      id: index + 1,
      namespace: repository.namespace,
      image_name: repository.name,
      image_id: this.imageIdOf(index),
      image_digest: sha256For(this.seed, SALT.imageDigest, index),
      image_version: tag,
      image_type: repository.type,
      registry_id: registry.registryId,
      registry_name: registry.registryName,
      registry_type: registry.registryType,
      latest_version: this.images.isLatestVersion(index),
      scan_status: scan.status,
      scan_failed_desc: failureDescription(scan.failedCode),
      scan_failed_code: scan.failedCode,
      image_size: this.images.size[index] as number,
      latest_update_time: this.images.updateTime[index] as number,
      latest_scan_time: scan.scanTime,
      latest_sync_time: this.images.syncTime[index] as number,
      vul_num: scan.vul,
      unsafe_setting_num: scan.unsafe,
      malicious_file_num: scan.malicious,
      domain_name: repository.ownerDomain,
      shared_status:
        repository.type === 'shared_image' ? (repository.shareValid ? 'effective' : 'expired') : '',
      scannable: scan.status !== 'image_oversized',
      is_multiple_arch: this.images.multiArch[index] === 1,
      instance_name: registry.instanceName,
      instance_id: registry.instanceId,
      instance_url: registry.instanceUrl,
      severity_level: scan.severity,
      association_images: this.images.multiArch[index] === 1 ? [this.armSibling(index, repository, tag)] : [],
    };
  }

  /** Multi-arch images list their other-architecture manifest (not itself a listed image). */
  private armSibling(index: number, repository: RepositoryRecord, tag: string): HssAssociateImage {
    const scan = this.scans.get(index);
    return {
      id: this.imageCount + index + 1,
      image_id: sha256For(this.seed, SALT.association, index),
      image_name: repository.name,
      image_version: tag,
      image_type: repository.type,
      namespace: repository.namespace,
      image_digest: sha256For(this.seed, SALT.association + 1, index),
      scan_status: scan.status,
      vul_num: scan.vul,
      unsafe_setting_num: scan.unsafe,
      malicious_file_num: scan.malicious,
    };
  }

  imageIndexOf(imageId: string): number | undefined {
    if (!this.idIndex) {
      this.idIndex = new Map();
      for (let i = 0; i < this.imageCount; i++) this.idIndex.set(this.imageIdOf(i), i);
    }
    return this.idIndex.get(imageId);
  }

  /** Index of `namespace/name:tag`, or undefined. */
  indexOfReference(namespace: string, name: string, tag: string): number | undefined {
    const repositoryIndex = this.byQualifiedName.get(`${namespace}/${name}`);
    if (repositoryIndex === undefined) return undefined;
    const repository = this.images.repositories[repositoryIndex] as RepositoryRecord;
    const t = repository.tags.indexOf(tag);
    return t < 0 ? undefined : repository.firstImage + t;
  }

  findImage(reference: ImageReference): HssRegistryImage | undefined {
    const index = this.indexOfReference(reference.namespace, reference.name, reference.tag);
    if (index === undefined) return undefined;
    if (reference.type && this.images.repository(index).type !== reference.type) return undefined;
    return this.getImage(index);
  }

  imagesOfRepository(namespace: string, name: string): HssRegistryImage[] {
    const repositoryIndex = this.byQualifiedName.get(`${namespace}/${name}`);
    if (repositoryIndex === undefined) return [];
    const repository = this.images.repositories[repositoryIndex] as RepositoryRecord;
    return repository.tags.map((_, t) => this.getImage(repository.firstImage + t));
  }

  repositories(): readonly RepositoryRecord[] {
    return this.images.repositories;
  }

  appsOfImage(imageId: string): SimulatedImageApp[] {
    const index = this.imageIndexOf(imageId);
    if (index === undefined) return [];
    this.scans.settle();
    return this.software.recordsOf(index);
  }

  filesStatOf(index: number): HssImageFilesStat {
    this.scans.settle();
    if (this.scans.status(index) !== 'success') return { total_files_num: 0, total_files_size: 0 };
    const size = this.images.size[index] as number;
    const h = hash32(this.seed, SALT.image, index, 3);
    return {
      total_files_num: 200 + Math.floor(size / (20_000 + (h % 60_000))),
      total_files_size: Math.floor(size * (0.85 + (h % 1000) / 6666)),
    };
  }

  filesStat(imageId: string): HssImageFilesStat {
    const index = this.imageIndexOf(imageId);
    return index === undefined ? { total_files_num: 0, total_files_size: 0 } : this.filesStatOf(index);
  }

  sharedRepositories(center: SwrShareCenter): SwrSharedRepository[] {
    return this.shared.all(center);
  }

  productImages(): WorkspaceImageInfo[] {
    return this.products.map((record) => ({ ...record.info }));
  }

  totalSoftwareRecords(): number {
    return this.software.totalRecords();
  }

  summary(): DatasetSummary {
    this.scans.settle();
    const imagesByType: Record<string, number> = {};
    const imagesByStatus: Record<string, number> = {};
    for (let i = 0; i < this.imageCount; i++) {
      const type = this.images.repository(i).type;
      const status = this.scans.status(i);
      imagesByType[type] = (imagesByType[type] ?? 0) + 1;
      imagesByStatus[status] = (imagesByStatus[status] ?? 0) + 1;
    }
    return {
      images: this.imageCount,
      repositories: this.repositoryCount,
      imagesByType,
      imagesByStatus,
      sharedRepositories: { self: this.shared.count('self'), thirdparty: this.shared.count('thirdparty') },
      productImages: {
        gold: this.products.filter((p) => p.info.image_type === 'gold').length,
        private: this.products.filter((p) => p.info.image_type === 'private').length,
      },
      softwareRecords: this.totalSoftwareRecords(),
    };
  }

  /** Indices of images matching the filter, in list order. Cached until a scan changes state. */
  queryImages(filter: RegistryImageFilter): Uint32Array {
    const version = this.scans.currentVersion();
    if (version !== this.queryCacheVersion) {
      this.queryCache.clear();
      this.queryCacheVersion = version;
    }
    const key = JSON.stringify(filter);
    let result = this.queryCache.get(key);
    if (!result) {
      result = this.evaluate(filter);
      this.queryCache.set(key, result);
    }
    return result;
  }

  private candidates(filter: RegistryImageFilter): ArrayLike<number> | undefined {
    if (filter.namespace !== undefined && filter.imageName !== undefined) {
      const repositoryIndex = this.byQualifiedName.get(`${filter.namespace}/${filter.imageName}`);
      if (repositoryIndex === undefined) return [];
      const repository = this.images.repositories[repositoryIndex] as RepositoryRecord;
      return repository.tags.map((_, t) => repository.firstImage + t);
    }
    if (filter.imageType !== undefined) return this.byType.get(filter.imageType) ?? [];
    return undefined;
  }

  private evaluate(filter: RegistryImageFilter): Uint32Array {
    const { sortByScanTime, ...conditions } = filter;
    const candidates = this.candidates(filter);
    const unfiltered = Object.keys(conditions).length === 0;
    let matches: Uint32Array;
    if (unfiltered) {
      matches = new Uint32Array(this.imageCount);
      for (let i = 0; i < this.imageCount; i++) matches[i] = i;
    } else {
      const out: number[] = [];
      const length = candidates ? candidates.length : this.imageCount;
      for (let k = 0; k < length; k++) {
        const i = candidates ? (candidates[k] as number) : k;
        if (this.matches(i, filter)) out.push(i);
      }
      matches = Uint32Array.from(out);
    }
    if (sortByScanTime) {
      const direction = sortByScanTime === 'asc' ? 1 : -1;
      const sorted = Array.from(matches).sort(
        (a, b) => direction * (this.scans.get(a).scanTime - this.scans.get(b).scanTime) || a - b,
      );
      matches = Uint32Array.from(sorted);
    }
    return matches;
  }

  private matches(i: number, f: RegistryImageFilter): boolean {
    const repository = this.images.repository(i);
    if (f.imageType !== undefined && repository.type !== f.imageType) return false;
    if (f.namespace !== undefined && repository.namespace !== f.namespace) return false;
    if (f.imageName !== undefined && repository.name !== f.imageName) return false;
    if (f.imageVersion !== undefined && this.images.tag(i) !== f.imageVersion) return false;
    if (f.registryName !== undefined && repository.registry.registryName !== f.registryName) return false;
    if (f.instanceId !== undefined && repository.registry.instanceId !== f.instanceId) return false;
    if (f.instanceName !== undefined && repository.registry.instanceName !== f.instanceName) return false;
    if (f.latestVersionOnly && !this.images.isLatestVersion(i)) return false;
    if (f.imageSize !== undefined && this.images.size[i] !== f.imageSize) return false;
    if (f.isMultiArch !== undefined && (this.images.multiArch[i] === 1) !== f.isMultiArch) return false;
    if (!within(this.images.updateTime[i] as number, f.updateTime)) return false;
    if (!within(this.images.syncTime[i] as number, f.syncTime)) return false;
    const scan = this.scans.get(i);
    if (f.scanStatus !== undefined && scan.status !== f.scanStatus) return false;
    if (!within(scan.scanTime, f.scanTime)) return false;
    if (f.hasVul !== undefined && scan.vul > 0 !== f.hasVul) return false;
    if (f.hasMaliciousFile !== undefined && scan.malicious > 0 !== f.hasMaliciousFile) return false;
    if (f.hasUnsafeSetting !== undefined && scan.unsafe > 0 !== f.hasUnsafeSetting) return false;
    if (f.risky !== undefined && scan.vul + scan.malicious + scan.unsafe > 0 !== f.risky) return false;
    if (f.severity !== undefined && scan.severity !== f.severity) return false;
    return true;
  }
}

function within(value: number, range: readonly [number, number] | undefined): boolean {
  return range === undefined || (value >= range[0] && value <= range[1]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
