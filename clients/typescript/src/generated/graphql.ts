/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Outcome of one baseline rule on an image (`scan_result`). */
export type BaselineRuleResult =
  /** The image does not comply (`failed`). */
  | 'FAILED'
  /** The image complies (`pass`). */
  | 'PASS';

/** Risk level of a baseline check or rule (`severity`). Rules may also be CRITICAL. */
export type BaselineSeverity =
  /** `Critical` (rules only). */
  | 'CRITICAL'
  /** `High`. */
  | 'HIGH'
  /** `Low`. */
  | 'LOW'
  /** `Medium`. */
  | 'MEDIUM'
  /** No risk (`Security`). */
  | 'SECURE';

/** The standard a baseline check belongs to (`standard`). */
export type BaselineStandard =
  /** Chinese cybersecurity classified-protection standard (`cn_standard`). */
  | 'CN'
  /** Huawei Cloud security practice (`hw_standard`). */
  | 'HUAWEI';

/**
 * Narrows `cicdImages`. All fields are optional and combine with AND; each maps to the HSS query
 * parameter named in its description.
 */
export type CicdImageFilter = {
  /** Only images with (true) or without (false) known vulnerabilities (`has_vul`). */
  hasVulnerabilities?: boolean | null | undefined;
  /** HSS id of the CI/CD image (`image_id`, at most 128 characters). */
  imageId?: string | null | undefined;
  /** Only the latest tag of each repository (`latest_version`). */
  latestVersionOnly?: boolean | null | undefined;
  /** Repository name, exact (`image_name`, 1–128 characters). */
  name?: string | null | undefined;
  /** Organization, exact (`namespace`, 1–128 characters). */
  namespace?: string | null | undefined;
  /** Pipeline name (`cicd_name`, at most 128 characters). */
  pipelineName?: string | null | undefined;
  /** CI/CD system (`pipeline_type`). */
  pipelineType?: PipelineType | null | undefined;
  /**
   * Scan state (`scan_status`): UNSCANNED, SUCCESS, SCANNING, FAILED or WAITING_FOR_SCAN; the other values
   * are a `BAD_USER_INPUT` error.
   */
  scanStatus?: ScanStatus | null | undefined;
  /** Only images whose last scan found this risk level (`severity_level`). */
  severity?: Severity | null | undefined;
  /** Tag, exact (`image_version`, 1–64 characters). */
  tag?: string | null | undefined;
};

/**
 * Narrows `containerImages`. All fields are optional and combine with AND; each maps to the HSS query
 * parameter named in its description.
 */
export type ContainerImageFilter = {
  /** Only images with (true) or without (false) known vulnerabilities (`has_vul`). */
  hasVulnerabilities?: boolean | null | undefined;
  /** Only the latest tag of each repository (`latest_version`). */
  latestVersionOnly?: boolean | null | undefined;
  /** Repository name, exact (`image_name`, 1–128 characters). */
  name?: string | null | undefined;
  /** Organization, exact (`namespace`, 1–128 characters). */
  namespace?: string | null | undefined;
  /**
   * Scan state (`scan_status`). HSS filters only on UNSCANNED, SUCCESS, SCANNING, FAILED and
   * WAITING_FOR_SCAN; the other values are a `BAD_USER_INPUT` error.
   */
  scanStatus?: ScanStatus | null | undefined;
  /** Only images whose last scan found this risk level (`severity_level`). */
  severity?: Severity | null | undefined;
  /** Tag, exact (`image_version`, 1–64 characters). */
  tag?: string | null | undefined;
  /** Registry kind (`image_type`). */
  type?: ContainerImageType | null | undefined;
};

/** Which registry an image lives in (HSS `image_type`). */
export type ContainerImageType =
  /** SWR Enterprise Edition instance (`instance_image`). */
  | 'ENTERPRISE'
  /** A connected Harbor registry (`harbor`). */
  | 'HARBOR'
  /** A connected JFrog registry (`jfrog`). */
  | 'JFROG'
  /** SWR private repository of this account (`private_image`). */
  | 'PRIVATE'
  /** SWR repository shared with this account by another one (`shared_image`). */
  | 'SHARED';

/** Where the images searched by `imageSoftware` come from (HSS `image_type` of the global apps list). */
export type ImageKind =
  /** Images scanned in CI/CD pipelines (`cicd`). */
  | 'CICD'
  /** Images on cluster nodes (`local`). */
  | 'LOCAL'
  /** Images in connected registries (`registry`). */
  | 'REGISTRY';

/** One image to scan, named as in the registry. */
export type ImageRefInput = {
  /** SWR Enterprise instance id (`instance_id`); required for ENTERPRISE images, refused for others. */
  instanceId?: string | null | undefined;
  /** SWR Enterprise instance URL (`instance_url`, https), for ENTERPRISE images. */
  instanceUrl?: string | null | undefined;
  /** Repository name. */
  name: string;
  /** Organization. */
  namespace: string;
  /** Tag. */
  tag: string;
};

/** Narrows `imageSoftware`; fields combine with AND. */
export type ImageSoftwareFilter = {
  /** Kind of image the software was found in (`image_type`). */
  imageKind?: ImageKind | null | undefined;
  /** Software name, fuzzy (`app_name`, at most 32 characters). */
  name?: string | null | undefined;
  /** Only software that fails compliance checks (`is_compliant=false`). */
  nonCompliantOnly?: boolean | null | undefined;
};

/** The CI/CD system that built an image (HSS `pipeline_type`). */
export type PipelineType =
  /** Huawei Cloud CodeArts Pipeline (`codearts`). */
  | 'CODEARTS'
  /** Jenkins (`jenkins`). */
  | 'JENKINS';

/** Narrows `productImages`; fields combine with AND and map to the Workspace query parameters. */
export type ProductImageFilter = {
  /** CPU architecture: `x86` or `arm` (`architecture`). */
  architecture?: string | null | undefined;
  /** Operating system, as Workspace names it: `Linux`, `Windows` or `Other` (`os_type`). */
  osType?: string | null | undefined;
  /** Package series (`package_type`). */
  packageType?: string | null | undefined;
  /** OS platform, e.g. `Windows` (`platform`). */
  platform?: string | null | undefined;
  /** Image type (`image_type`). */
  type?: ProductImageType | null | undefined;
};

/** Workspace product image type (`image_type`). */
export type ProductImageType =
  /** Public image provided by Huawei Cloud (`gold`). */
  | 'GOLD'
  /** Private image of this account (`private`). */
  | 'PRIVATE';

/**
 * How urgently HSS says a vulnerability found in an image should be fixed (ListImageVulnerabilities
 * `repair_necessity`).
 */
export type RepairNecessity =
  /** Fix soon: a medium-risk vulnerability (`delay_repair`). */
  | 'DELAYED'
  /** Fix now: a high-risk vulnerability (`immediate_repair`). */
  | 'IMMEDIATE'
  /** No fix needed yet: a low-risk vulnerability (`not_needed_repair`). */
  | 'NOT_NEEDED';

/** SWR repository category (`category`). */
export type RepositoryCategory =
  | 'APP_SERVER'
  | 'ARM'
  | 'DATABASE'
  | 'FRAMEWORK_APP'
  | 'LANG'
  | 'LINUX'
  | 'OTHER'
  | 'WINDOWS';

/** Why the last scan failed (HSS `scan_failed_code`). Values HSS adds later arrive as `UNKNOWN_ERROR`. */
export type ScanFailureCode =
  | 'ACCESS_SWR_FAILED'
  | 'AUTHENTICATION_FAILED'
  | 'DATABASE_ERROR'
  | 'DOWNLOAD_FAILED'
  | 'FAILED_TO_CHECK_BASELINE'
  | 'FAILED_TO_CHECK_BUILD_CMD'
  | 'FAILED_TO_CHECK_SENSITIVE_INFORMATION'
  | 'FAILED_TO_CHECK_SOFTWARE_COMPLIANCE'
  | 'FAILED_TO_QUERY_BASIC_IMAGE_INFORMATION'
  | 'FAILED_TO_SCAN_FILE'
  | 'FAILED_TO_SCAN_SOFTWARE'
  | 'FAILED_TO_SCAN_VULNERABILITY'
  | 'FAILED_TO_SEND_THE_SCAN_REQUEST'
  | 'GET_DETAIL_INFO_NOT_FOUND'
  | 'IMAGE_LAYER_OVER_SIZED'
  | 'IMAGE_OVER_SIZED'
  | 'RESPONSE_TIMED_OUT'
  | 'SCHEMA_V1_NOT_SUPPORT'
  | 'SWR_AUTHENTICATION_ERROR'
  | 'UNKNOWN_ERROR';

/** Which images to scan when `all` is true; fields combine with AND. */
export type ScanImagesFilter = {
  /** Only the latest tag of each repository (`latest_version`). */
  latestVersionOnly?: boolean | null | undefined;
  /** Repository name (`image_name`). */
  name?: string | null | undefined;
  /** Organization (`namespace`). */
  namespace?: string | null | undefined;
  /** Only images in this scan state (UNSCANNED, SUCCESS, SCANNING, FAILED, DOWNLOAD_FAILED, IMAGE_OVERSIZED). */
  scanStatus?: ScanStatus | null | undefined;
  /** Only images last scanned at or after this instant (`start_latest_scan_time`). */
  scannedAfter?: string | null | undefined;
  /** Only images last scanned at or before this instant (`end_latest_scan_time`). */
  scannedBefore?: string | null | undefined;
  /** Only images of exactly this size in bytes (`image_size`). */
  sizeBytes?: number | null | undefined;
  /** Tag (`image_version`). */
  tag?: string | null | undefined;
  /** Only images updated at or after this instant (`start_latest_update_time`). */
  updatedAfter?: string | null | undefined;
  /** Only images updated at or before this instant (`end_latest_update_time`). */
  updatedBefore?: string | null | undefined;
};

/** What to scan: either `images` (1–100 references) or `all: true` with an optional `filter`, never both. */
export type ScanImagesInput = {
  /** Scan every image of `imageType` that matches `filter`. */
  all?: boolean | null | undefined;
  /** Narrows `all`. */
  filter?: ScanImagesFilter | null | undefined;
  /** Registry kind: PRIVATE, SHARED or ENTERPRISE (HSS cannot batch-scan Harbor or JFrog images this way). */
  imageType: ContainerImageType;
  /** The images to scan. */
  images?: Array<ImageRefInput> | null | undefined;
};

/** What a scan task examines (a bit group of HSS `scan_scope`). */
export type ScanScope =
  /** Baseline (configuration) checks. */
  | 'BASELINE'
  /** Malicious files. */
  | 'MALICIOUS_FILES'
  /** Sensitive information (keys, passwords) in files. */
  | 'SENSITIVE_INFORMATION'
  /** Software compliance. */
  | 'SOFTWARE_COMPLIANCE'
  /** Vulnerabilities. */
  | 'VULNERABILITIES';

/** State of an image's security scan (HSS `scan_status`). */
export type ScanStatus =
  /** The image could not be downloaded for scanning (`download_failed`). */
  | 'DOWNLOAD_FAILED'
  /** Last scan failed; see `ImageScan.failureCode` (`failed`). */
  | 'FAILED'
  /** The image is too large to scan (`image_oversized`). */
  | 'IMAGE_OVERSIZED'
  /** A scan is running (`scanning`). */
  | 'SCANNING'
  /** Last scan completed (`success`). */
  | 'SUCCESS'
  /** Never scanned (`unscan`). */
  | 'UNSCANNED'
  /** Queued for scanning (`waiting_for_scan`). */
  | 'WAITING_FOR_SCAN';

/** Which images a scan task with `all: true` scans; fields combine with AND. */
export type ScanTaskFilter = {
  /** Repository name (`image_name`). */
  name?: string | null | undefined;
  /** Organization (`namespace`). */
  namespace?: string | null | undefined;
  /** Only images in this scan state. */
  scanStatus?: ScanStatus | null | undefined;
  /** Tag (`image_version`). */
  tag?: string | null | undefined;
  /** Registry kind (default PRIVATE). */
  type?: ContainerImageType | null | undefined;
};

/** One image a scan task should scan, named as in the registry. */
export type ScanTaskImageInput = {
  /** SWR Enterprise instance id; required for ENTERPRISE images, refused otherwise. */
  instanceId?: string | null | undefined;
  /** SWR Enterprise instance URL (https), for ENTERPRISE images. */
  instanceUrl?: string | null | undefined;
  /** Repository name. */
  name: string;
  /** Organization. */
  namespace: string;
  /** Tag. */
  tag: string;
  /** Registry kind: PRIVATE, SHARED or ENTERPRISE. */
  type: ContainerImageType;
};

/** How a scan task was started (`task_type`). */
export type ScanTaskKind =
  /** Scan after an automatic registry sync (`autoSync`). */
  | 'AUTO_SYNC'
  /** Started by a user or this gateway (`manual`). */
  | 'MANUAL'
  /** Scan after a manual registry sync (`manualSync`). */
  | 'MANUAL_SYNC'
  /** The periodic scan policy (`cycle`). */
  | 'PERIODIC';

/** Where a scan task is, from HSS `task_status` (0–100 progress, −1 terminated, −2 timeout, −3 error). */
export type ScanTaskState =
  /** Ended with an error (`failureReason`). */
  | 'FAILED'
  /** Done (100 %): see the counts and `failedImages`. */
  | 'FINISHED'
  /** Scanning; `progressPercent` says how far. */
  | 'RUNNING'
  /** Stopped before it finished. */
  | 'TERMINATED'
  /** Ran out of time. */
  | 'TIMED_OUT';

/** Overall risk found by the last scan (HSS `severity_level`). */
export type Severity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  /** No risk found (`Security`). */
  | 'SECURE';

/** Which side of an SWR share (`center`). */
export type ShareCenter =
  /** Repositories this account shares with others (`self`). */
  | 'SELF'
  /** Repositories other accounts share with this one (`thirdparty`). */
  | 'THIRDPARTY';

/** Narrows `sharedRepositories`; fields combine with AND. */
export type SharedRepositoryFilter = {
  /** Repository name; SWR matches it fuzzily (contains). */
  name?: string | null | undefined;
  /** Organization; SWR matches it fuzzily (contains). */
  namespace?: string | null | undefined;
};

/** A scan task to start: either `images` (1–100) or `all: true` with an optional `filter`, never both. */
export type StartImageScanTaskInput = {
  /** Scan every registry image matching `filter`. */
  all?: boolean | null | undefined;
  /** Narrows `all`. */
  filter?: ScanTaskFilter | null | undefined;
  /** The images to scan. */
  images?: Array<ScanTaskImageInput> | null | undefined;
  /** Scan speed in images per hour, 1–1000; omitted or 0 means unlimited. */
  imagesPerHour?: number | null | undefined;
  /** What to examine; default everything. Must not be empty. */
  scope?: Array<ScanScope> | null | undefined;
};

/**
 * Severity of a vulnerability, from its highest CVSS score (ListGeneralImageVuls `severity_level`,
 * ListVulAffectImages `repair_necessity`).
 */
export type VulnerabilitySeverity =
  /** `Critical` (CVSS 9.0–10.0). */
  | 'CRITICAL'
  /** `High` (CVSS 7.0–8.9). */
  | 'HIGH'
  /** `Low` (CVSS below 4.0). */
  | 'LOW'
  /** `Medium` (CVSS 4.0–6.9). */
  | 'MEDIUM';

export type CicdPipelineQueryVariables = Exact<{
  filter?: CicdImageFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  appsFirst?: number | null | undefined;
}>;


export type CicdPipelineQuery = { cicdImages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, imageId: string, reference: string, pipelineName: string | null, pipelineType: PipelineType | null, latestVersion: boolean, updatedAt: string | null, scan: { status: ScanStatus, failureCode: ScanFailureCode | null, lastScannedAt: string | null, severity: Severity | null, vulnerabilityCount: number }, fileStatistics: { fileCount: number, totalSizeBytes: number } | null, apps: { totalCount: number, nodes: Array<{ name: string, version: string | null, vulnerabilityCount: number | null }> } | null }> } };

export type ImageDashboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ContainerImageFilter | null | undefined;
}>;


export type ImageDashboardQuery = { containerImages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, imageId: string, type: ContainerImageType, namespace: string, name: string, tag: string, sizeBytes: number | null, scan: { status: ScanStatus, lastScannedAt: string | null, vulnerabilityCount: number, maliciousFileCount: number }, fileStatistics: { fileCount: number, totalSizeBytes: number } | null, apps: { totalCount: number, nodes: Array<{ name: string, version: string | null, vulnerabilityCount: number | null }> } | null, sharedRepository: { name: string, category: RepositoryCategory | null, downloadCount: number, tagCount: number, pullPath: string } | null }> } };

export type ImageDetailQueryVariables = Exact<{
  id: string | number;
  appsFirst?: number | null | undefined;
  appsAfter?: string | null | undefined;
}>;


export type ImageDetailQuery = { containerImage: { id: string, imageId: string, reference: string, digest: string | null, type: ContainerImageType, updatedAt: string | null, scan: { status: ScanStatus, failureCode: ScanFailureCode | null, lastScannedAt: string | null, severity: Severity | null, vulnerabilityCount: number, unsafeSettingCount: number, maliciousFileCount: number, scannable: boolean }, fileStatistics: { fileCount: number, totalSizeBytes: number } | null, apps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { name: string, type: string | null, version: string | null, vulnerabilityCount: number | null } }> } | null, sharedRepository: { name: string, namespace: string, description: string | null, isPublic: boolean, ownerDomain: string, shareValid: boolean | null, tags: Array<string>, createdAt: string | null, updatedAt: string | null } | null } | null };

export type ImageScanTasksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ImageScanTasksQuery = { imageScanTasks: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: ScanTaskKind | null, state: ScanTaskState, progressPercent: number | null, startedAt: string | null, finishedAt: string | null, scope: Array<ScanScope>, totalCount: number, succeededCount: number, failedCount: number, riskyCount: number, failedImages: Array<{ namespace: string, name: string, tag: string, reason: string }> }> } };

export type ImageVulnerabilitiesQueryVariables = Exact<{
  id: string | number;
  appsFirst?: number | null | undefined;
}>;


export type ImageVulnerabilitiesQuery = { containerImage: { id: string, reference: string, scan: { status: ScanStatus, lastScannedAt: string | null, severity: Severity | null, vulnerabilityCount: number, unsafeSettingCount: number }, apps: { totalCount: number, nodes: Array<{ name: string, type: string | null, version: string | null, vulnerabilityCount: number | null, vulnerabilities: Array<{ id: string, repairNecessity: RepairNecessity | null, severity: VulnerabilitySeverity | null, maxCvssScore: number | null, description: string | null, layerDigest: string | null, softwarePath: string | null, solution: string | null, url: string | null, cves: Array<{ id: string, cvssScore: number | null }> | null }> | null }> } | null, baselineChecks: Array<{ name: string, type: string | null, description: string | null, standard: BaselineStandard | null, severity: BaselineSeverity | null, ruleCount: number, failedRuleCount: number, failedRules: Array<{ id: string | null, name: string, severity: BaselineSeverity | null, result: BaselineRuleResult | null }> | null }> | null } | null };

export type ProductImagesQueryVariables = Exact<{
  filter?: ProductImageFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProductImagesQuery = { productImages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, imageId: string, name: string, type: ProductImageType, osType: string | null, osVersion: string | null, architecture: string | null, diskFormat: string | null, minRamMb: number | null, minDiskGb: number | null, productCode: string | null, createdAt: string | null }> } };

export type ScanImagesMutationVariables = Exact<{
  input: ScanImagesInput;
}>;


export type ScanImagesMutation = { scanImages: { accepted: boolean, requestedCount: number | null } };

export type SharedRepositoriesQueryVariables = Exact<{
  center: ShareCenter;
  filter?: SharedRepositoryFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SharedRepositoriesQuery = { sharedRepositories: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, namespace: string, category: RepositoryCategory | null, sizeBytes: number, isPublic: boolean, tagCount: number, downloadCount: number, ownerDomain: string, shareValid: boolean | null, updatedAt: string | null, tags: Array<string>, images: { totalCount: number, nodes: Array<{ tag: string, scan: { status: ScanStatus, vulnerabilityCount: number }, fileStatistics: { fileCount: number } | null }> } | null }> } };

export type SoftwareSearchQueryVariables = Exact<{
  filter?: ImageSoftwareFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SoftwareSearchQuery = { imageSoftware: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ name: string, type: string | null, version: string | null, vulnerabilityCount: number | null, path: string | null, layerDigest: string | null, compliant: boolean | null, image:
        | { id: string, kind: ImageKind, reference: string, scan: { status: ScanStatus, vulnerabilityCount: number } }
        | { type: ContainerImageType, id: string, kind: ImageKind, reference: string, scan: { status: ScanStatus, vulnerabilityCount: number } }
        | { id: string, kind: ImageKind, reference: string, scan: { status: ScanStatus, vulnerabilityCount: number } }
       | null }> } };

export type StartImageScanTaskMutationVariables = Exact<{
  input: StartImageScanTaskInput;
}>;


export type StartImageScanTaskMutation = { startImageScanTask: { accepted: boolean, requestedCount: number | null, task: { id: string, state: ScanTaskState, progressPercent: number | null, totalCount: number } | null } };


export const CicdPipelineDocument = {"__meta__":{"hash":"sha256:b2625b4d2aa4c357f6cfef88104313e8e7fbcd99a58e62992ff5203ee4d78ecd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CicdPipeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CicdImageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appsFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cicdImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"pipelineName"}},{"kind":"Field","name":{"kind":"Name","value":"pipelineType"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersion"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastScannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appsFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CicdPipelineQuery, CicdPipelineQueryVariables>;
export const ImageDashboardDocument = {"__meta__":{"hash":"sha256:19ac489ef018d953addd6fbf9f2025a51473fe29a787f5264a29efe9d4c69fc3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImageFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"scan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastScannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}},{"kind":"Field","name":{"kind":"Name","value":"maliciousFileCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedRepository"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"downloadCount"}},{"kind":"Field","name":{"kind":"Name","value":"tagCount"}},{"kind":"Field","name":{"kind":"Name","value":"pullPath"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageDashboardQuery, ImageDashboardQueryVariables>;
export const ImageDetailDocument = {"__meta__":{"hash":"sha256:ec885d286bd912ecd080e39a21755d834574c316e064db470f5f74610202f149"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appsFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appsAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastScannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsafeSettingCount"}},{"kind":"Field","name":{"kind":"Name","value":"maliciousFileCount"}},{"kind":"Field","name":{"kind":"Name","value":"scannable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appsFirst"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appsAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedRepository"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"ownerDomain"}},{"kind":"Field","name":{"kind":"Name","value":"shareValid"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ImageDetailQuery, ImageDetailQueryVariables>;
export const ImageScanTasksDocument = {"__meta__":{"hash":"sha256:bd767dac9bd7524458a04595b6fd988be8b2a1b05cc0a0bc186fd6f3132e52f7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageScanTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageScanTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"riskyCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageScanTasksQuery, ImageScanTasksQueryVariables>;
export const ImageVulnerabilitiesDocument = {"__meta__":{"hash":"sha256:f31cd9bd8c06fec727913eabeb0f781a2c8bc7b70cc574b726518c843a1c1074"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageVulnerabilities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appsFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"scan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastScannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsafeSettingCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appsFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repairNecessity"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"maxCvssScore"}},{"kind":"Field","name":{"kind":"Name","value":"cves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cvssScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"layerDigest"}},{"kind":"Field","name":{"kind":"Name","value":"softwarePath"}},{"kind":"Field","name":{"kind":"Name","value":"solution"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"baselineChecks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"standard"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedRuleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageVulnerabilitiesQuery, ImageVulnerabilitiesQueryVariables>;
export const ProductImagesDocument = {"__meta__":{"hash":"sha256:da1430545316f12067be6f4de071464dcbda02b44f2445e1939edb55b27fa292"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductImages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductImageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"osVersion"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"minRamMb"}},{"kind":"Field","name":{"kind":"Name","value":"minDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"productCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ProductImagesQuery, ProductImagesQueryVariables>;
export const ScanImagesDocument = {"__meta__":{"hash":"sha256:f3a356fc7264bc9e05ea620495e097428f2ec49d32c7a66cae0774304712fd93"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScanImages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScanImagesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scanImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCount"}}]}}]}}]} as unknown as DocumentNode<ScanImagesMutation, ScanImagesMutationVariables>;
export const SharedRepositoriesDocument = {"__meta__":{"hash":"sha256:8c0824eadd727c4b326391b8c81c0d9e9aff18e1f65e9d185a5116aef231836f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedRepositories"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"center"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareCenter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SharedRepositoryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sharedRepositories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"center"},"value":{"kind":"Variable","name":{"kind":"Name","value":"center"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"tagCount"}},{"kind":"Field","name":{"kind":"Name","value":"downloadCount"}},{"kind":"Field","name":{"kind":"Name","value":"ownerDomain"}},{"kind":"Field","name":{"kind":"Name","value":"shareValid"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"scan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileCount"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SharedRepositoriesQuery, SharedRepositoriesQueryVariables>;
export const SoftwareSearchDocument = {"__meta__":{"hash":"sha256:7b260132fd26f3d750d8b0bd862e22a495dfec068816a47d240fd9c296dd0780"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SoftwareSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageSoftwareFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageSoftware"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"layerDigest"}},{"kind":"Field","name":{"kind":"Name","value":"compliant"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"scan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilityCount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SoftwareSearchQuery, SoftwareSearchQueryVariables>;
export const StartImageScanTaskDocument = {"__meta__":{"hash":"sha256:7b3f6708896ef984af715bef825e1573dbcf4a8595208beac60bf9150799d1dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartImageScanTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartImageScanTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImageScanTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCount"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<StartImageScanTaskMutation, StartImageScanTaskMutationVariables>;