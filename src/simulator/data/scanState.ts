/**
 * Current scan state of every image: the generated base plus a small overlay of images that
 * batch-scan has touched. A scan moves an image to `scanning`; `scanDurationMs` later it settles to a
 * final status with a new `latest_scan_time` and (for success) a software list of the next generation.
 * Settling is lazy (done on the next read), so there are no timers to clean up.
 */
import { hash32, rngFor, SALT } from './prng';
import {
  rollFailureCode,
  rollSuccessfulScan,
  unsuccessfulScan,
  type ImageTable,
  type ScanState,
} from './images';

interface PendingBatch {
  dueAt: number;
  /** Each image with the `scanning` state this batch set, so a later rescan is not finished early. */
  images: [index: number, started: ScanState][];
}

export class ScanStates {
  private readonly overlay = new Map<number, ScanState>();
  /** FIFO: every batch has the same duration, so due times are in insertion order. */
  private readonly pending: PendingBatch[] = [];
  private version = 0;

  constructor(
    private readonly seed: number,
    private readonly images: ImageTable,
    private scanDurationMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Increases whenever any image's scan state changes; caches key on it. Settles due scans first. */
  currentVersion(): number {
    this.settle();
    return this.version;
  }

  /** Call `currentVersion()` (or `settle()`) once per request before many `get`s. */
  get(i: number): ScanState {
    return this.overlay.get(i) ?? this.images.baseScan(i);
  }

  status(i: number): ScanState['status'] {
    const changed = this.overlay.get(i);
    return changed ? changed.status : this.images.baseStatus(i);
  }

  appCount(i: number): number {
    const changed = this.overlay.get(i);
    return changed ? changed.appCount : this.images.baseAppCount(i);
  }

  generation(i: number): number {
    return this.overlay.get(i)?.generation ?? 0;
  }

  get changedImageCount(): number {
    return this.overlay.size;
  }

  /** How long a scan started now takes. */
  get durationMs(): number {
    return this.scanDurationMs;
  }

  setScanDurationMs(ms: number): void {
    this.scanDurationMs = ms;
  }

  /** Starts a scan of each image: `scanning` now, a final status after the scan duration. */
  startScans(indices: Iterable<number>): number {
    this.settle();
    const batch: [number, ScanState][] = [];
    for (const i of indices) {
      const previous = this.get(i);
      // While a scan runs, HSS shows no findings; the last finished scan time stays.
      const started = unsuccessfulScan('scanning', '', previous.scanTime, previous.generation);
      this.overlay.set(i, started);
      batch.push([i, started]);
    }
    if (batch.length > 0) {
      this.pending.push({ dueAt: this.now() + this.scanDurationMs, images: batch });
      this.version++;
    }
    return batch.length;
  }

  settle(): void {
    const now = this.now();
    while (this.pending.length > 0 && (this.pending[0] as PendingBatch).dueAt <= now) {
      const batch = this.pending.shift() as PendingBatch;
      for (const [i, started] of batch.images) {
        if (this.overlay.get(i) === started) this.finish(i, started, batch.dueAt);
      }
      this.version++;
    }
  }

  private finish(i: number, started: ScanState, finishedAt: number): void {
    const generation = started.generation + 1;
    const rng = rngFor(this.seed, SALT.rescan, i, generation);
    const oversized =
      (this.images.size[i] as number) > 2 ** 31 && hash32(this.seed, SALT.rescan, i) % 2 === 0;
    let next: ScanState;
    if (oversized) next = unsuccessfulScan('image_oversized', 'image_over_sized', finishedAt, generation);
    else if (rng.chance(0.9)) next = rollSuccessfulScan(rng, finishedAt, generation);
    else next = unsuccessfulScan('failed', rollFailureCode(rng), finishedAt, generation);
    this.overlay.set(i, next);
  }
}
