/**
 * Manual image scan tasks (docs §G2): each task starts scans of its images (through the same scan states
 * batch-scan uses) and reports progress over time: 0–99 while the scans run, 100 once they settled, with
 * success / failed / risky counts and the failed images with their reasons (oversized, scan failure, or
 * an image that does not exist). Newest first, as a console shows them.
 */
import { hashString, hexFor } from './prng';
import type { ScanStates } from './scanState';

export interface MissingImage {
  namespace: string;
  image_name: string;
  image_version: string;
  registry_type: string;
}

export interface TaskSpec {
  images: { index: number; registryType: string }[];
  missing: MissingImage[];
  scanScope: number;
  rateLimit: number;
  isAll: boolean;
}

interface StoredTask extends TaskSpec {
  id: string;
  name: string;
  beginTime: number;
  dueAt: number;
}

export interface ImageIdentity {
  namespace: string;
  image_name: string;
  image_version: string;
}

export class ScanTaskStore {
  private readonly tasks: StoredTask[] = [];

  constructor(
    private readonly scans: ScanStates,
    private readonly identify: (index: number) => ImageIdentity,
    private readonly now: () => number = Date.now,
  ) {}

  create(spec: TaskSpec): string {
    const beginTime = this.now();
    const sequence = this.tasks.length + 1;
    const id = hexFor(4, hashString(`scan-task:${sequence}:${beginTime}`));
    this.scans.startScans(spec.images.map((image) => image.index));
    const dueAt = spec.images.length === 0 ? beginTime : beginTime + this.scans.durationMs;
    this.tasks.unshift({ ...spec, id, name: `manual-image-scan-${sequence}`, beginTime, dueAt });
    return id;
  }

  /** Every task as ListImageScanTask reports it now, newest first. */
  rows(): Record<string, unknown>[] {
    this.scans.settle();
    return this.tasks.map((task) => this.row(task));
  }

  private row(task: StoredTask): Record<string, unknown> {
    const now = this.now();
    const done = now >= task.dueAt;
    const failedImages = task.missing.map((image) => ({ ...image, failed_reason: 'image not found' }));
    let success = 0;
    let risky = 0;
    if (done) {
      for (const { index, registryType } of task.images) {
        const state = this.scans.get(index);
        if (state.status === 'success') {
          success += 1;
          if (state.vul > 0 || state.malicious > 0) risky += 1;
        } else {
          const reason =
            state.status === 'image_oversized' ? 'image oversized' : `scan failed: ${state.failedCode}`;
          failedImages.push({ ...this.identify(index), registry_type: registryType, failed_reason: reason });
        }
      }
    }
    const span = Math.max(1, task.dueAt - task.beginTime);
    const progress = done ? 100 : Math.min(99, Math.floor(((now - task.beginTime) / span) * 100));
    return {
      task_id: task.id,
      task_name: task.name,
      begin_time: task.beginTime,
      end_time: done ? task.dueAt : 0,
      remain_min: done ? 0 : Math.ceil((task.dueAt - now) / 60_000),
      task_type: 'manual',
      image_type: 'registry',
      task_status: progress,
      scan_scope: task.scanScope,
      rate_limit: task.rateLimit,
      is_all: task.isAll,
      failed_num: failedImages.length,
      success_num: success,
      total_num: task.images.length + task.missing.length,
      risky_num: risky,
      failed_reason: failedImages.length > 0 ? `${failedImages.length} image(s) failed` : '',
      failed_images: failedImages,
    };
  }
}
