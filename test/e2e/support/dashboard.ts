/** The ImageDashboard reference operation as the e2e resilience tests read it. */
import { operation } from '../harness';

export interface DashboardImage {
  id: string;
  imageId: string;
  type: string;
  namespace: string;
  name: string;
  tag: string;
  sizeBytes: number | null;
  scan: {
    status: string;
    lastScannedAt: string | null;
    vulnerabilityCount: number;
    maliciousFileCount: number;
  };
  fileStatistics: { fileCount: number; totalSizeBytes: number } | null;
  apps: {
    totalCount: number;
    nodes: { name: string; version: string | null; vulnerabilityCount: number | null }[];
  } | null;
  sharedRepository: {
    name: string;
    category: string | null;
    downloadCount: number;
    tagCount: number;
    pullPath: string;
  } | null;
}

export interface Dashboard {
  containerImages: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: DashboardImage[];
  };
}

export const DASHBOARD = operation('ImageDashboard');

/** The dashboard page the issue names: 20 private images. */
export const PRIVATE_PAGE = { first: 20, filter: { type: 'PRIVATE' } } as const;

/** Images HSS never scanned: the gateway answers `fileStatistics: null` (and no software) without a call. */
export function neverScanned(node: DashboardImage): boolean {
  return node.scan.lastScannedAt === null;
}

/**
 * Images scanned, but not successfully (failed, running, oversized…): HSS's answers for them are
 * placeholders, still a function of the scan state, so they are cached under it like any other.
 */
export function placeholders(nodes: readonly DashboardImage[]): DashboardImage[] {
  return nodes.filter((node) => node.scan.status !== 'SUCCESS' && !neverScanned(node));
}
