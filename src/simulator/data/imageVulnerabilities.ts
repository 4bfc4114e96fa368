/**
 * Vulnerabilities of scanned images, derived from their software: record j of an image with `vul_num`
 * n has its package's catalog entries 0..n-1. So an image's rows number exactly its `vul_num`, each app's
 * rows its `vul_num`, and the vulnerability-centric index (which images have entry X) is built from the
 * same rows, once per scan-state version, on first use.
 */
import type { Dataset, SimulatedImageApp } from './dataset';
import { catalogVulnerability, rowHash, type CatalogVulnerability } from './vulnerabilityCatalog';

export interface ImageVulnerabilityRow {
  vul: CatalogVulnerability;
  record: SimulatedImageApp;
}

export interface VulnerabilityIndexEntry {
  vul: CatalogVulnerability;
  /** Indices of affected images, ascending, each once. */
  images: number[];
  /** Latest scan time among them. */
  scanTime: number;
}

export class ImageVulnerabilityStore {
  private indexVersion = -1;
  private index: VulnerabilityIndexEntry[] = [];
  private byVulId = new Map<string, VulnerabilityIndexEntry>();

  constructor(private readonly dataset: Dataset) {}

  /** Rows of image `i` in its current scan state (record order, then catalog order). */
  rowsOf(i: number): ImageVulnerabilityRow[] {
    const { scans, software } = this.dataset;
    scans.settle();
    const records = software.recordsOf(i);
    if (records.length === 0) return [];
    const scan = scans.get(i);
    const selection = software.selection(i, scan.generation, scan.appCount);
    const rows: ImageVulnerabilityRow[] = [];
    records.forEach((record, j) => {
      for (let k = 0; k < record.vul_num; k++) {
        rows.push({ vul: catalogVulnerability(this.dataset.seed, selection[j] as number, k), record });
      }
    });
    return rows;
  }

  /** Every vulnerability found in at least one image, in catalog order. */
  entries(): VulnerabilityIndexEntry[] {
    this.refresh();
    return this.index;
  }

  entry(vulId: string): VulnerabilityIndexEntry | undefined {
    this.refresh();
    return this.byVulId.get(vulId);
  }

  /** Containers running an image with this vulnerability: a small stable number per (image, entry). */
  containerCount(i: number, key: number): number {
    return rowHash(this.dataset.seed, i, key) % 4;
  }

  private refresh(): void {
    const version = this.dataset.scans.currentVersion();
    if (version === this.indexVersion) return;
    const byKey = new Map<number, VulnerabilityIndexEntry>();
    for (let i = 0; i < this.dataset.imageCount; i++) {
      if (this.dataset.scans.status(i) !== 'success') continue;
      const scanTime = this.dataset.scans.get(i).scanTime;
      for (const { vul } of this.rowsOf(i)) {
        let entry = byKey.get(vul.key);
        if (!entry) byKey.set(vul.key, (entry = { vul, images: [], scanTime: 0 }));
        // Rows of one image are grouped, so a repeat (a vendored copy) is always the last one pushed.
        if (entry.images[entry.images.length - 1] !== i) entry.images.push(i);
        entry.scanTime = Math.max(entry.scanTime, scanTime);
      }
    }
    this.index = [...byKey.values()].sort((a, b) => a.vul.key - b.vul.key);
    this.byVulId = new Map(this.index.map((entry) => [entry.vul.vulId, entry]));
    this.indexVersion = version;
  }
}

const stores = new WeakMap<Dataset, ImageVulnerabilityStore>();

/** The store of a dataset (one per dataset, created on first use). */
export function imageVulnerabilities(dataset: Dataset): ImageVulnerabilityStore {
  let store = stores.get(dataset);
  if (!store) stores.set(dataset, (store = new ImageVulnerabilityStore(dataset)));
  return store;
}

/** ListImageVulnerabilities `repair_necessity` of a severity (immediate = high, delay = medium, not needed = low). */
export function repairNecessityOf(
  vul: CatalogVulnerability,
): 'immediate_repair' | 'delay_repair' | 'not_needed_repair' {
  if (vul.severity === 'Critical' || vul.severity === 'High') return 'immediate_repair';
  return vul.severity === 'Medium' ? 'delay_repair' : 'not_needed_repair';
}
