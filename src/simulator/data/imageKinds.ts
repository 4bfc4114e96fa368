/**
 * The two image kinds beside registry images: CI/CD pipeline images (ListCicdImages) and images on
 * cluster nodes (ListImageLocal), with their software and (CI/CD) file statistics. Everything is derived
 * from (seed, registry image count) and never changes: there is no scan API for these kinds here.
 * Software rows of both kinds appear in ListGlobalImageApps (`image_type=cicd|local`) naming an image the
 * kind's own list returns, with the same scan time.
 */
import type {
  HssCicdImage,
  HssLocalImage,
  HssLocalScanStatus,
  HssPipelineType,
} from '../../upstream/hss/imageKindsTypes';
import type { HssImageFilesStat, HssRegistryKind, HssScanStatus } from '../../upstream/hss/types';
import {
  failureDescription,
  rollFailureCode,
  rollSuccessfulScan,
  unsuccessfulScan,
  type ScanState,
} from './images';
import { LOCAL_SCAN_FAILURES } from './imageKindVocabulary';
import { OWN_NAMESPACES, REPOSITORY_NAMES, type OsFamily, type Stack } from './names';
import { hash32, hashString, hexFor, rngFor, sha256For, uuidFor, type Rng } from './prng';
import { DATA_EPOCH_MS } from './repositories';
import type { SimulatedImageApp } from './software';
import { isOsPackage, packagePool, SOFTWARE_CATALOG, type SoftwarePackage } from './softwareCatalog';

/** Salts of this module's streams (distinct from prng.ts `SALT`, so registry data is unchanged). */
const KIND_SALT = { cicd: 801, local: 802, apps: 803, hosts: 804, containers: 805, files: 806 } as const;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const OS_FAMILIES: readonly OsFamily[] = ['rpm', 'deb', 'apk'];
const CICD_PIPELINE_SUFFIXES = ['ci', 'release', 'nightly'] as const;
/** Nodes of the simulated clusters that hold local images. */
const NODE_COUNT = 16;

export interface SimulatedHost {
  id: string;
  name: string;
  ip: string;
  agentId: string;
}

export interface SimulatedContainer {
  id: string;
  name: string;
  podId: string;
  podName: string;
  hostId: string;
}

interface KindImage {
  scan: ScanState;
  os: OsFamily;
  stack: Stack;
}

export interface CicdImageEntry extends KindImage {
  record: HssCicdImage;
}

export interface LocalImageEntry extends KindImage {
  record: HssLocalImage;
  hosts: SimulatedHost[];
  containers: SimulatedContainer[];
}

/** How many images of each kind a dataset of `registryImages` registry images has. */
export function imageKindCounts(registryImages: number): { cicd: number; local: number } {
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));
  return {
    cicd: clamp(Math.round(registryImages / 8), 24, 1000),
    local: clamp(Math.round(registryImages / 6), 30, 1000),
  };
}

export class ImageKindsStore {
  readonly cicd: readonly CicdImageEntry[];
  readonly local: readonly LocalImageEntry[];
  private readonly nodes: SimulatedHost[];
  private readonly cicdById: Map<string, CicdImageEntry>;
  private readonly localById: Map<string, LocalImageEntry>;
  private readonly appsCache = new Map<string, SimulatedImageApp[]>();

  constructor(
    private readonly seed: number,
    registryImages: number,
    region: string,
  ) {
    const counts = imageKindCounts(registryImages);
    this.nodes = Array.from({ length: NODE_COUNT }, (_, n) => this.node(n));
    this.cicd = this.buildCicd(counts.cicd);
    this.local = Array.from({ length: counts.local }, (_, k) => this.buildLocal(k, region));
    this.cicdById = new Map(this.cicd.map((entry) => [entry.record.image_id, entry]));
    this.localById = new Map(this.local.map((entry) => [entry.record.image_id, entry]));
  }

  cicdImage(imageId: string): CicdImageEntry | undefined {
    return this.cicdById.get(imageId);
  }

  localImage(imageId: string): LocalImageEntry | undefined {
    return this.localById.get(imageId);
  }

  /** Software of an image of either kind, in list order; [] unless its scan succeeded. */
  appsOf(entry: CicdImageEntry | LocalImageEntry): SimulatedImageApp[] {
    const kind = 'cicd_name' in entry.record ? 'cicd' : 'local';
    const key = `${kind}:${entry.record.image_id}`;
    let apps = this.appsCache.get(key);
    if (!apps) {
      apps = this.buildApps(entry, kind);
      this.appsCache.set(key, apps);
    }
    return apps;
  }

  /** Every software row of one kind, in image order (what ListGlobalImageApps pages through). */
  allApps(kind: 'cicd' | 'local'): SimulatedImageApp[] {
    const entries: readonly (CicdImageEntry | LocalImageEntry)[] = kind === 'cicd' ? this.cicd : this.local;
    return entries.flatMap((entry) => this.appsOf(entry));
  }

  /** Files statistics of a CI/CD image: `{0, 0}` unless its last scan succeeded (as for registry images). */
  cicdFilesStat(entry: CicdImageEntry): HssImageFilesStat {
    if (entry.scan.status !== 'success') return { total_files_num: 0, total_files_size: 0 };
    const size = entry.record.image_size;
    const h = hash32(this.seed, KIND_SALT.files, Number(entry.record.image_id));
    return {
      total_files_num: 150 + Math.floor(size / (25_000 + (h % 50_000))),
      total_files_size: Math.floor(size * (0.8 + (h % 1000) / 5000)),
    };
  }

  private node(n: number): SimulatedHost {
    return {
      id: uuidFor(this.seed, KIND_SALT.hosts, n),
      name: `cce-node-${String(n + 1).padStart(2, '0')}`,
      ip: `192.168.${1 + (n >> 3)}.${10 + n}`,
      agentId: hexFor(8, this.seed, KIND_SALT.hosts + 100, n),
    };
  }

  private buildCicd(count: number): CicdImageEntry[] {
    const entries: CicdImageEntry[] = [];
    for (let pipeline = 0; entries.length < count; pipeline++) {
      const rng = rngFor(this.seed, KIND_SALT.cicd, pipeline);
      const spec = rng.pick(REPOSITORY_NAMES);
      const namespace = rng.pick(OWN_NAMESPACES);
      const pipelineType: HssPipelineType = rng.chance(0.55) ? 'jenkins' : 'codearts';
      const cicdName = `${spec.name}-${rng.pick(CICD_PIPELINE_SUFFIXES)}`;
      const os = spec.os ?? rng.pick(OS_FAMILIES);
      const builds = Math.min(count - entries.length, rng.int(1, 6));
      const minor = rng.int(0, 9);
      const startedAt = DATA_EPOCH_MS - rng.int(10, 200) * DAY_MS;
      const baseSize = rng.int(40e6, 900e6);
      for (let build = 0; build < builds; build++) {
        const k = entries.length;
        const imageRng = rngFor(this.seed, KIND_SALT.cicd + 1000, k);
        const updated = startedAt + build * rng.int(2, 48) * HOUR_MS;
        const scan = rollKindScan(imageRng, updated, 'waiting_for_scan');
        entries.push({
          os,
          stack: spec.stack,
          scan,
          record: {
            image_id: String(100_000 + k),
            cicd_name: cicdName,
            namespace,
            image_name: spec.name,
            image_digest: sha256For(this.seed, KIND_SALT.cicd + 2000, k),
            image_version: `1.${minor}.${build + 1}`,
            registry_name: 'SWR',
            image_type: 'private_image',
            registry_type: 'SwrPrivate' satisfies HssRegistryKind,
            latest_version: build === builds - 1,
            scan_status: scan.status,
            scan_failed_desc: failureDescription(scan.failedCode),
            scan_failed_code: scan.failedCode,
            image_size: Math.round(baseSize * (0.95 + 0.1 * imageRng.next())),
            latest_update_time: updated,
            latest_scan_time: scan.scanTime,
            vul_num: scan.vul,
            unsafe_setting_num: scan.unsafe,
            malicious_file_num: scan.malicious,
            severity_level: scan.severity,
            pipeline_type: pipelineType,
          },
        });
      }
    }
    return entries;
  }

  private buildLocal(k: number, region: string): LocalImageEntry {
    const rng = rngFor(this.seed, KIND_SALT.local, k);
    const spec = rng.pick(REPOSITORY_NAMES);
    const fromSwr = rng.chance(0.6);
    const imageName = fromSwr
      ? `swr.${region}.myhuaweicloud.com/${rng.pick(OWN_NAMESPACES)}/${spec.name}`
      : rng.chance(0.5)
        ? spec.name
        : `docker.io/library/${spec.name}`;
    const updated = DATA_EPOCH_MS - rng.int(1, 300) * DAY_MS - rng.int(0, DAY_MS);
    const scan = rollKindScan(rng, updated, 'waiting');
    const hostCount = rng.int(1, 6);
    const first = rng.int(0, NODE_COUNT - 1);
    const hosts = Array.from({ length: hostCount }, (_, h) => this.nodes[(first + h) % NODE_COUNT]!);
    const containers = hosts.flatMap((host, h) =>
      Array.from({ length: rng.int(0, 3) }, (_, c) => {
        const key = k * 64 + h * 4 + c;
        const suffix = hexFor(1, this.seed, KIND_SALT.containers, key).slice(0, 5);
        return {
          id: hexFor(8, this.seed, KIND_SALT.containers + 1, key),
          name: `${spec.name}-${suffix}`,
          podId: uuidFor(this.seed, KIND_SALT.containers + 2, key),
          podName: `${spec.name}-${hexFor(1, this.seed, KIND_SALT.containers + 3, key).slice(0, 8)}-${suffix}`,
          hostId: host.id,
        };
      }),
    );
    const failed = scan.status === 'failed';
    return {
      os: spec.os ?? rng.pick(OS_FAMILIES),
      stack: spec.stack,
      scan,
      hosts,
      containers,
      record: {
        image_name: imageName,
        image_id: sha256For(this.seed, KIND_SALT.local + 1000, k),
        image_digest: sha256For(this.seed, KIND_SALT.local + 2000, k),
        image_version: `${rng.int(1, 4)}.${rng.int(0, 30)}.${rng.int(0, 9)}`,
        local_image_type: fromSwr ? 'swr_image' : 'other_image',
        scan_status: scan.status as HssLocalScanStatus,
        image_size: rng.int(8e6, 1.6e9),
        latest_update_time: updated,
        latest_scan_time: scan.scanTime,
        vul_num: scan.vul,
        unsafe_setting_num: scan.unsafe,
        malicious_file_num: scan.malicious,
        host_num: hosts.length,
        container_num: containers.length,
        component_num: scan.status === 'success' ? scan.appCount : 0,
        scan_failed_desc: failed ? rng.pick(LOCAL_SCAN_FAILURES) : '',
        severity_level: scan.severity,
        host_name: hosts[0]!.name,
        host_id: hosts[0]!.id,
        agent_id: hosts[0]!.agentId,
        non_scan_reason: '',
      },
    };
  }

  private buildApps(entry: CicdImageEntry | LocalImageEntry, kind: 'cicd' | 'local'): SimulatedImageApp[] {
    const { scan, record } = entry;
    if (scan.status !== 'success') return [];
    const key = hash32(this.seed, kind === 'cicd' ? 1 : 2, hashString(record.image_id));
    const rng = rngFor(this.seed, KIND_SALT.apps, key);
    const pool = Array.from(packagePool(entry.os, entry.stack));
    const count = Math.min(scan.appCount, pool.length);
    for (let k = 0; k < count; k++) {
      const swap = k + Math.floor(rng.next() * (pool.length - k));
      [pool[k], pool[swap]] = [pool[swap]!, pool[k]!];
    }
    const baseLayer = sha256For(this.seed, KIND_SALT.apps + 1, key);
    const appLayer = sha256For(this.seed, KIND_SALT.apps + 2, key);
    return pool
      .slice(0, count)
      .sort((a, b) => a - b)
      .map((packageId) => {
        const pkg = SOFTWARE_CATALOG[packageId] as SoftwarePackage;
        const version = pkg.versions[rng.int(0, pkg.versions.length - 1)] as string;
        const vulnerable = scan.vul > 0 && rng.chance(pkg.risk * 0.6);
        return {
          app_name: pkg.name,
          app_type: pkg.appType,
          app_version: version,
          vul_num: vulnerable ? rng.int(1, 12) : 0,
          app_path: isOsPackage(pkg) ? '/usr' : `/app/${pkg.ecosystem}/${pkg.name}`,
          layer_digest: isOsPackage(pkg) ? baseLayer : appLayer,
          is_compliant: !pkg.nonCompliant,
          latest_scan_time: scan.scanTime,
          image_type: 'cicd_name' in record ? (record.registry_type as HssRegistryKind) : 'Other',
          namespace: 'cicd_name' in record ? record.namespace : '',
          image_name: record.image_name,
          image_version: record.image_version,
          image_id: record.image_id,
        };
      });
  }
}

/** The scan state of a generated image; `waiting` is how this kind spells a queued scan. */
function rollKindScan(rng: Rng, updated: number, waiting: 'waiting' | 'waiting_for_scan'): ScanState {
  const scanTime = Math.min(DATA_EPOCH_MS, updated + rng.int(HOUR_MS, 3 * DAY_MS));
  const status = rng.weighted<HssScanStatus | 'waiting'>([
    ['success', 72],
    ['unscan', 10],
    ['failed', 7],
    ['scanning', 5],
    [waiting, 6],
  ]);
  if (status === 'success') return rollSuccessfulScan(rng, scanTime, 0);
  if (status === 'failed') return unsuccessfulScan('failed', rollFailureCode(rng), scanTime, 0);
  return unsuccessfulScan(status as HssScanStatus, '', 0, 0);
}
