/**
 * Models of CI/CD pipeline images and node-local images (codegen `mappers`), and of what every image kind
 * shares: the `Image` interface and the `ImageScan` facts.
 */
import type { HssCicdImage, HssLocalImage } from '../upstream/hss/imageKindsTypes';
import type { HssScanStatus, HssSeverityLevel } from '../upstream/hss/types';
import type { ContainerImageModel, Edge, Page } from './models';

export interface CicdImageModel {
  readonly kind: 'CicdImage';
  readonly record: HssCicdImage;
}

export interface LocalImageModel {
  readonly kind: 'LocalImage';
  readonly record: HssLocalImage;
}

/** An `Image` of any kind; `kind` names its GraphQL type. */
export type ImageModel = ContainerImageModel | CicdImageModel | LocalImageModel;

/**
 * What `ImageScan` reads, in the registry-image vocabulary: a registry-image record is one as it is; CI/CD
 * and local records are mapped to it (see resolvers/imageKindScan.ts).
 */
export interface ImageScanModel {
  scan_status: HssScanStatus;
  /** A `scan_failed_code`, or '' when there is none; unknown codes read as UNKNOWN_ERROR. */
  scan_failed_code: string;
  scan_failed_desc: string;
  latest_scan_time: number;
  severity_level: HssSeverityLevel | '';
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
  scannable: boolean;
}

export interface LocalImageHostModel {
  readonly id: string;
  readonly name: string;
  readonly agentId: string;
}

export type CicdImagePage = Page<CicdImageModel>;
export type CicdImageEdgeModel = Edge<CicdImageModel>;
export type LocalImagePage = Page<LocalImageModel>;
export type LocalImageEdgeModel = Edge<LocalImageModel>;

export function cicdImageModel(record: HssCicdImage): CicdImageModel {
  return { kind: 'CicdImage', record };
}

export function localImageModel(record: HssLocalImage): LocalImageModel {
  return { kind: 'LocalImage', record };
}
