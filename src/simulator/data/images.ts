/**
 * Registry images. Filterable attributes live in typed arrays filled in one pass at start (a few bytes
 * per image); strings (digests, names) are derived on demand from (seed, index). Scan results can be
 * changed by batch-scan: those live in `ScanStates` (data/scanState.ts), not here.
 */
import type { HssScanFailedCode, HssScanStatus, HssSeverityLevel } from '../../upstream/hss/types';
import { FAILED_CODES, SCAN_FAILED_CODES, SCAN_STATUSES, SEVERITIES } from './hssVocabulary';
import { rngFor, SALT, type Rng } from './prng';
import { DATA_EPOCH_MS, type RepositoryRecord } from './repositories';

/** The result of an image's latest scan, as HSS reports it. */
export interface ScanState {
  status: HssScanStatus;
  failedCode: HssScanFailedCode | '';
  /** Epoch ms of the last finished scan; 0 when never scanned. */
  scanTime: number;
  vul: number;
  unsafe: number;
  malicious: number;
  severity: HssSeverityLevel | '';
  /** Software records found; 0 unless `status` is success. */
  appCount: number;
  /** Bumped by each finished rescan: the software list is derived from (image, generation). */
  generation: number;
}

const TWO_GIB = 2 ** 31;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const FAILURE_CODES_OF_FAILED = SCAN_FAILED_CODES.filter(
  (code) => code !== 'download_failed' && code !== 'image_over_sized',
);

/** Software count: mostly 10–40, a long tail up to 200 (≈31 on average, ~1M records at 50k images). */
function rollAppCount(rng: Rng): number {
  const base = 10 + Math.floor(rng.next() * 31);
  return Math.min(200, rng.chance(0.08) ? base + Math.floor(rng.next() * 161) : base);
}

/** Findings of a successful scan. */
export function rollSuccessfulScan(rng: Rng, scanTime: number, generation: number): ScanState {
  const vul = rng.chance(0.22) ? 0 : 1 + Math.floor(rng.next() ** 2 * 380);
  const unsafe = rng.chance(0.5) ? 0 : rng.int(1, 14);
  const malicious = rng.chance(0.03) ? rng.int(1, 3) : 0;
  let severity: HssSeverityLevel = 'Security';
  if (vul > 0)
    severity =
      vul > 120
        ? 'High'
        : rng.weighted([
            ['Low', 30],
            ['Medium', 45],
            ['High', 25],
          ] as const);
  return {
    status: 'success',
    failedCode: '',
    scanTime,
    vul,
    unsafe,
    malicious,
    severity,
    appCount: rollAppCount(rng),
    generation,
  };
}

/** A scan that ended without findings (`failed`, `download_failed` or `image_oversized`). */
export function unsuccessfulScan(
  status: HssScanStatus,
  failedCode: HssScanFailedCode | '',
  scanTime: number,
  generation: number,
): ScanState {
  return {
    status,
    failedCode,
    scanTime,
    vul: 0,
    unsafe: 0,
    malicious: 0,
    severity: '',
    appCount: 0,
    generation,
  };
}

export function rollFailureCode(rng: Rng): HssScanFailedCode {
  return rng.pick(FAILURE_CODES_OF_FAILED);
}

export class ImageTable {
  readonly count: number;
  readonly repositoryOf: Uint32Array;
  readonly tagOf: Uint8Array;
  readonly size: Float64Array;
  readonly updateTime: Float64Array;
  readonly syncTime: Float64Array;
  readonly multiArch: Uint8Array;
  /** Initial scan results, packed: see `baseScan`. */
  private readonly status: Uint8Array;
  private readonly failedCode: Uint8Array;
  private readonly scanTime: Float64Array;
  private readonly vul: Uint16Array;
  private readonly unsafe: Uint8Array;
  private readonly malicious: Uint8Array;
  private readonly severity: Uint8Array;
  private readonly appCount: Uint8Array;

  constructor(
    private readonly seed: number,
    readonly repositories: readonly RepositoryRecord[],
    count: number,
  ) {
    this.count = count;
    this.repositoryOf = new Uint32Array(count);
    this.tagOf = new Uint8Array(count);
    this.size = new Float64Array(count);
    this.updateTime = new Float64Array(count);
    this.syncTime = new Float64Array(count);
    this.multiArch = new Uint8Array(count);
    this.status = new Uint8Array(count);
    this.failedCode = new Uint8Array(count);
    this.scanTime = new Float64Array(count);
    this.vul = new Uint16Array(count);
    this.unsafe = new Uint8Array(count);
    this.malicious = new Uint8Array(count);
    this.severity = new Uint8Array(count);
    this.appCount = new Uint8Array(count);
    for (const repository of repositories) this.fillRepository(repository);
  }

  private fillRepository(repository: RepositoryRecord): void {
    const repoRng = rngFor(this.seed, SALT.repository, repository.index, 2);
    const huge = repoRng.chance(0.05);
    const baseSize = huge
      ? repoRng.int(2.2e9, 6.5e9)
      : Math.exp(Math.log(5e6) + repoRng.next() * (Math.log(1.2e9) - Math.log(5e6)));
    const span = DATA_EPOCH_MS - repository.createdAt;
    const tagCount = repository.tags.length;
    for (let t = 0; t < tagCount; t++) {
      const i = repository.firstImage + t;
      const rng = rngFor(this.seed, SALT.image, i);
      this.repositoryOf[i] = repository.index;
      this.tagOf[i] = t;
      const size = Math.round(baseSize * (0.9 + 0.2 * rng.next()));
      this.size[i] = size;
      const updated = Math.min(
        DATA_EPOCH_MS - 1,
        repository.createdAt + Math.floor((t / tagCount) * span) + rng.int(0, DAY_MS),
      );
      this.updateTime[i] = updated;
      this.syncTime[i] = DATA_EPOCH_MS - rng.int(60_000, HOUR_MS);
      this.multiArch[i] = rng.chance(0.05) ? 1 : 0;
      this.store(i, this.rollInitialScan(rng, size, updated));
    }
  }

  private rollInitialScan(rng: Rng, size: number, updated: number): ScanState {
    const scanTime = Math.min(DATA_EPOCH_MS, updated + rng.int(HOUR_MS, 10 * DAY_MS));
    if (size > TWO_GIB && rng.chance(0.5))
      return unsuccessfulScan('image_oversized', 'image_over_sized', scanTime, 0);
    const status = rng.weighted<HssScanStatus>([
      ['success', 74],
      ['unscan', 9],
      ['failed', 5],
      ['download_failed', 3],
      ['waiting_for_scan', 4],
      ['scanning', 2],
    ]);
    switch (status) {
      case 'success':
        return rollSuccessfulScan(rng, scanTime, 0);
      case 'failed':
        return unsuccessfulScan('failed', rollFailureCode(rng), scanTime, 0);
      case 'download_failed':
        return unsuccessfulScan('download_failed', 'download_failed', scanTime, 0);
      default:
        // Never scanned (or the first scan is still queued/running).
        return unsuccessfulScan(status, '', 0, 0);
    }
  }

  private store(i: number, scan: ScanState): void {
    this.status[i] = SCAN_STATUSES.indexOf(scan.status);
    this.failedCode[i] = FAILED_CODES.indexOf(scan.failedCode);
    this.scanTime[i] = scan.scanTime;
    this.vul[i] = scan.vul;
    this.unsafe[i] = scan.unsafe;
    this.malicious[i] = scan.malicious;
    this.severity[i] = SEVERITIES.indexOf(scan.severity);
    this.appCount[i] = scan.appCount;
  }

  /** The scan result the dataset was generated with (before any batch-scan). */
  baseScan(i: number): ScanState {
    return {
      status: SCAN_STATUSES[this.status[i] as number] as HssScanStatus,
      failedCode: FAILED_CODES[this.failedCode[i] as number] as HssScanFailedCode | '',
      scanTime: this.scanTime[i] as number,
      vul: this.vul[i] as number,
      unsafe: this.unsafe[i] as number,
      malicious: this.malicious[i] as number,
      severity: SEVERITIES[this.severity[i] as number] as HssSeverityLevel | '',
      appCount: this.appCount[i] as number,
      generation: 0,
    };
  }

  /** Fast paths for filters that do not need a whole `ScanState`. */
  baseStatus(i: number): HssScanStatus {
    return SCAN_STATUSES[this.status[i] as number] as HssScanStatus;
  }

  baseAppCount(i: number): number {
    return this.appCount[i] as number;
  }

  repository(i: number): RepositoryRecord {
    return this.repositories[this.repositoryOf[i] as number] as RepositoryRecord;
  }

  tag(i: number): string {
    return this.repository(i).tags[this.tagOf[i] as number] as string;
  }

  isLatestVersion(i: number): boolean {
    return (this.tagOf[i] as number) === this.repository(i).tags.length - 1;
  }
}

const FAILURE_DESCRIPTIONS: Partial<Record<HssScanFailedCode, string>> = {
  download_failed: 'Failed to download the image.',
  image_over_sized: 'The image exceeds the maximum size that can be scanned.',
  authentication_failed: 'Authentication with the image registry failed.',
  response_timed_out: 'The scan timed out.',
};

export function failureDescription(code: HssScanFailedCode | ''): string {
  if (code === '') return '';
  const text = FAILURE_DESCRIPTIONS[code] ?? code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
