/* generated — do not edit. Source: schema/*.graphql via codegen.ts; run `npm run codegen`. */
/* eslint-disable */
// prettier-ignore
import type { HssRegistryImageType as ContainerImageType } from '../upstream/hss/types';
import type { HssScanStatus as ScanStatus } from '../upstream/hss/types';
import type { HssSeverityLevel as Severity } from '../upstream/hss/types';
import type { HssScanFailedCode as ScanFailureCode } from '../upstream/hss/types';
import type { HssGlobalAppImageKind as ImageKind } from '../upstream/hss/types';
import type { SwrShareCenter as ShareCenter } from '../upstream/swr/types';
import type { SwrRepositoryCategory as RepositoryCategory } from '../upstream/swr/types';
import type { WorkspaceImageType as ProductImageType } from '../upstream/workspace/types';
import type { ScanScopeBit as ScanScope } from '../upstream/hss/scanTaskTypes';
import type { ScanTaskType as ScanTaskKind } from '../upstream/hss/scanTaskTypes';
import type { HssRepairNecessity as RepairNecessity } from '../upstream/hss/vulnerabilityTypes';
import type { HssVulType as VulnerabilityType } from '../upstream/hss/vulnerabilityTypes';
import type { HssVulHandleStatus as VulnerabilityHandleStatus } from '../upstream/hss/vulnerabilityTypes';
import type { HssVulSeverity as VulnerabilitySeverity } from '../upstream/hss/vulnerabilityTypes';
import type { HssVulImageScope as VulnerabilityImageScope } from '../upstream/hss/vulnerabilityTypes';
import type { HssVulStatus as VulnerabilityStatus } from '../upstream/hss/vulnerabilityTypes';
import type { HssBaselineSeverity as BaselineSeverity } from '../upstream/hss/vulnerabilityTypes';
import type { HssBaselineStandard as BaselineStandard } from '../upstream/hss/vulnerabilityTypes';
import type { HssBaselineResultType as BaselineRuleResult } from '../upstream/hss/vulnerabilityTypes';
import type { HssPipelineType as PipelineType } from '../upstream/hss/imageKindsTypes';
import type { HssLocalImageType as LocalImageSource } from '../upstream/hss/imageKindsTypes';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ContainerImageModel, ImageScanModel, ContainerImagePage, ContainerImageEdgeModel, ImageAppModel, ImageAppPage, ImageAppEdgeModel, SharedRepositoryModel, SharedRepositoryPage, SharedRepositoryEdgeModel, ProductImageModel, ProductImagePage, ProductImageEdgeModel, ImageScanTaskPage, ImageScanTaskEdgeModel, UpstreamQuotaModel } from '../graphql/models';
import type { HssImageScanTask, HssScanTaskFailedImage } from '../upstream/hss/scanTaskTypes';
import type { HssImageVulnerability, HssVulAffectImage, HssVulAffectImageApp, HssVulAffectAppPath, HssImageRiskConfigRule } from '../upstream/hss/vulnerabilityTypes';
import type { ImageVulnerabilityPage, ImageVulnerabilityEdgeModel, VulnerabilityModel, VulnerabilityPage, VulnerabilityEdgeModel, CveModel, AffectedImagePage, AffectedImageEdgeModel, BaselineCheckModel } from '../graphql/vulnerabilityModels';
import type { CicdImageModel, CicdImagePage, CicdImageEdgeModel, LocalImageModel, LocalImagePage, LocalImageEdgeModel, LocalImageHostModel } from '../graphql/imageKindModels';
import type { GatewayContext } from '../graphql/context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant in time as an ISO-8601 string in UTC, e.g. `2026-11-23T09:05:22.701Z`. Upstream epoch
   * milliseconds and UTC strings are both converted to this form.
   */
  DateTime: { input: string; output: string | number; }
  /**
   * An integer within JavaScript's safe range (±2^53−1). Used for byte sizes and counts that can pass 2^31,
   * where GraphQL's 32-bit `Int` would overflow.
   */
  SafeInt: { input: number; output: number; }
};

/** An image that has a vulnerability (HSS ListVulAffectImages). */
export type AffectedImage = {
  __typename?: 'AffectedImage';
  /** Containers running the image (`container_num`). */
  containerCount: Maybe<Scalars['Int']['output']>;
  /** First scan that found it (`first_scan_time`). */
  firstScannedAt: Maybe<Scalars['DateTime']['output']>;
  /** The image in the graph; null when it is not a registry image or no longer exists. */
  image: Maybe<ContainerImage>;
  /** HSS image id (`image_id`). */
  imageId: Scalars['String']['output'];
  /** Latest scan (`latest_scan_time`). */
  lastScannedAt: Maybe<Scalars['DateTime']['output']>;
  /** Repository name (`image_name`). */
  name: Maybe<Scalars['String']['output']>;
  /** Organization (`organization`). */
  namespace: Maybe<Scalars['String']['output']>;
  /** Severity of the vulnerability in this image (`repair_necessity`). */
  severity: Maybe<VulnerabilitySeverity>;
  /** Tag (`image_version`). */
  tag: Maybe<Scalars['String']['output']>;
};

/** A page of affected images. */
export type AffectedImageConnection = {
  __typename?: 'AffectedImageConnection';
  /** The images with their cursors. */
  edges: Array<AffectedImageEdge>;
  /** The images of this page, without cursors. */
  nodes: Array<AffectedImage>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of affected images (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** An affected image and its position in a list. */
export type AffectedImageEdge = {
  __typename?: 'AffectedImageEdge';
  /** Opaque position; pass it as `after` to continue after this item. */
  cursor: Scalars['String']['output'];
  /** The affected image. */
  node: AffectedImage;
};

/** A software item of an image that has a vulnerability (HSS ListVulAffectImageApps). */
export type AffectedSoftware = {
  __typename?: 'AffectedSoftware';
  /** Each installed copy (`paths`). */
  locations: Array<AffectedSoftwareLocation>;
  /** Software name (`app_name`). */
  name: Scalars['String']['output'];
  /** The rule that matched (`rule`). */
  rule: Maybe<Scalars['String']['output']>;
};

/** One installed copy of affected software. */
export type AffectedSoftwareLocation = {
  __typename?: 'AffectedSoftwareLocation';
  /** Install path (`app_path`). */
  path: Maybe<Scalars['String']['output']>;
  /** Fixed or ignored (`status`). */
  status: Maybe<VulnerabilityStatus>;
  /** Installed version (`app_version`). */
  version: Maybe<Scalars['String']['output']>;
};

/**
 * One baseline (configuration) check of an image (HSS ListImageRiskConfigs). HSS checks only CentOS 7,
 * Debian 10, EulerOS and Ubuntu 16 images; others have none.
 */
export type BaselineCheck = {
  __typename?: 'BaselineCheck';
  /** What the check covers (`check_type_desc`). */
  description: Maybe<Scalars['String']['output']>;
  /** Rules the image failed (`failed_rule_num`). */
  failedRuleCount: Scalars['Int']['output'];
  /**
   * The failed rules (HSS ListImageRiskConfigRules, one call per check, only when asked for and only when
   * `failedRuleCount` is above 0). At most 200.
   */
  failedRules: Maybe<Array<BaselineRule>>;
  /** Check name (`check_name`), e.g. `SSH`. */
  name: Scalars['String']['output'];
  /** Rules checked (`check_rule_num`). */
  ruleCount: Scalars['Int']['output'];
  /** Risk level (`severity`). */
  severity: Maybe<BaselineSeverity>;
  /** Standard the check belongs to (`standard`). */
  standard: Maybe<BaselineStandard>;
  /** Check type (`check_type`). */
  type: Maybe<Scalars['String']['output']>;
};

/** One rule of a baseline check (HSS ListImageRiskConfigRules). */
export type BaselineRule = {
  __typename?: 'BaselineRule';
  /** Rule id (`check_rule_id`). */
  id: Maybe<Scalars['String']['output']>;
  /** What the rule requires (`check_rule_name`). */
  name: Scalars['String']['output'];
  /** Outcome on this image (`scan_result`). */
  result: Maybe<BaselineRuleResult>;
  /** Risk level (`severity`). */
  severity: Maybe<BaselineSeverity>;
};

export { BaselineRuleResult };

export { BaselineSeverity };

export { BaselineStandard };

/** An image built and scanned in a CI/CD pipeline (HSS `ListCicdImages`). */
export type CicdImage = Image & Node & {
  __typename?: 'CicdImage';
  /** Software found by the last scan (HSS per-image apps, `image_type=cicd`). `first` is 1–200 (default 20). */
  apps: Maybe<ImageAppConnection>;
  /** Manifest digest (`image_digest`). */
  digest: Maybe<Scalars['String']['output']>;
  /**
   * File count and total size (HSS files-statistics, asked with the CI/CD image id alone). Null without an
   * error for an image never scanned (no call is made); null with an error when HSS cannot be asked now.
   */
  fileStatistics: Maybe<FileStatistics>;
  /** Opaque global id; `cicdImage(id:)` and `node(id:)` find the image again with one HSS call. */
  id: Scalars['ID']['output'];
  /** HSS id of the CI/CD image (`image_id`, opaque). */
  imageId: Scalars['String']['output'];
  /** Always CICD. */
  kind: ImageKind;
  /** True for the newest tag of its repository (`latest_version`). */
  latestVersion: Scalars['Boolean']['output'];
  /** Repository name (`image_name`). */
  name: Scalars['String']['output'];
  /** Organization the pipeline pushes to (`namespace`). */
  namespace: Scalars['String']['output'];
  /** Name of the pipeline in the CI/CD system (`cicd_name`). */
  pipelineName: Maybe<Scalars['String']['output']>;
  /** The CI/CD system (`pipeline_type`); null when HSS does not say. */
  pipelineType: Maybe<PipelineType>;
  /** `namespace/name:tag`. */
  reference: Scalars['String']['output'];
  /** Registry the image is pushed to, as connected in HSS (`registry_name`). */
  registryName: Maybe<Scalars['String']['output']>;
  /** Kind of that registry (`image_type`); null when HSS does not say. */
  registryType: Maybe<ContainerImageType>;
  /** The image's security scan state and findings. */
  scan: ImageScan;
  /** Image size in bytes (`image_size`). */
  sizeBytes: Maybe<Scalars['SafeInt']['output']>;
  /** Tag (`image_version`). */
  tag: Maybe<Scalars['String']['output']>;
  /** When the pipeline last updated the image (`latest_update_time`). */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};


/** An image built and scanned in a CI/CD pipeline (HSS `ListCicdImages`). */
export type CicdImageAppsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImageAppsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of CI/CD images. */
export type CicdImageConnection = {
  __typename?: 'CicdImageConnection';
  /** The images with their cursors. */
  edges: Array<CicdImageEdge>;
  /** The images of this page, without cursors. */
  nodes: Array<CicdImage>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of images in the whole list matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A CI/CD image and its position in a list. */
export type CicdImageEdge = {
  __typename?: 'CicdImageEdge';
  /** Opaque position; pass it as `after` to continue after this image. */
  cursor: Scalars['String']['output'];
  /** The image. */
  node: CicdImage;
};

/**
 * Narrows `cicdImages`. All fields are optional and combine with AND; each maps to the HSS query
 * parameter named in its description.
 */
export type CicdImageFilter = {
  /** Only images with (true) or without (false) known vulnerabilities (`has_vul`). */
  hasVulnerabilities?: InputMaybe<Scalars['Boolean']['input']>;
  /** HSS id of the CI/CD image (`image_id`, at most 128 characters). */
  imageId?: InputMaybe<Scalars['String']['input']>;
  /** Only the latest tag of each repository (`latest_version`). */
  latestVersionOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Repository name, exact (`image_name`, 1–128 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Organization, exact (`namespace`, 1–128 characters). */
  namespace?: InputMaybe<Scalars['String']['input']>;
  /** Pipeline name (`cicd_name`, at most 128 characters). */
  pipelineName?: InputMaybe<Scalars['String']['input']>;
  /** CI/CD system (`pipeline_type`). */
  pipelineType?: InputMaybe<PipelineType>;
  /**
   * Scan state (`scan_status`): UNSCANNED, SUCCESS, SCANNING, FAILED or WAITING_FOR_SCAN; the other values
   * are a `BAD_USER_INPUT` error.
   */
  scanStatus?: InputMaybe<ScanStatus>;
  /** Only images whose last scan found this risk level (`severity_level`). */
  severity?: InputMaybe<Severity>;
  /** Tag, exact (`image_version`, 1–64 characters). */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** A container image (one tag of a repository) as HSS knows it, with its scan results and joins. */
export type ContainerImage = Image & Node & {
  __typename?: 'ContainerImage';
  /**
   * Software found in the image by its last scan (HSS per-image apps list). Empty for an image never
   * scanned. `first` is 1–200 (default 20).
   */
  apps: Maybe<ImageAppConnection>;
  /**
   * Baseline (configuration) checks of the image (HSS ListImageRiskConfigs, one call; at most 200), cached
   * for as long as the image's scan state is the same. Empty with no upstream call for an image never
   * scanned. `standard` narrows to one standard.
   */
  baselineChecks: Maybe<Array<BaselineCheck>>;
  /** Manifest digest (`image_digest`). */
  digest: Maybe<Scalars['String']['output']>;
  /**
   * File count and total size inside the image (HSS files-statistics). Cached for as long as the image
   * content is the same. Null without an error for an image never scanned (HSS has no statistics for it, so
   * no call is made); null with an error when HSS cannot be asked now.
   */
  fileStatistics: Maybe<FileStatistics>;
  /**
   * Opaque global id. It carries the registry kind, namespace, name and tag so that `containerImage(id:)`
   * and `node(id:)` can find the image again with one HSS list call.
   */
  id: Scalars['ID']['output'];
  /** HSS image id, usually the `sha256:` config digest (`image_id`). */
  imageId: Scalars['String']['output'];
  /** Always REGISTRY. */
  kind: ImageKind;
  /** True for the newest tag of its repository (`latest_version`). */
  latestVersion: Scalars['Boolean']['output'];
  /** True for a multi-architecture image (`is_multiple_arch`). */
  multiArch: Scalars['Boolean']['output'];
  /** Repository name (`image_name`). */
  name: Scalars['String']['output'];
  /** Organization (`namespace`). */
  namespace: Scalars['String']['output'];
  /** Owning account of a shared image (`domain_name`); null for own images. */
  ownerDomain: Maybe<Scalars['String']['output']>;
  /** `namespace/name:tag`, as used in a pull command after the registry host. */
  reference: Scalars['String']['output'];
  /** Registry name as connected in HSS (`registry_name`). */
  registryName: Maybe<Scalars['String']['output']>;
  /** The image's security scan state and findings. */
  scan: ImageScan;
  /**
   * The SWR shared repository this image belongs to (matched on namespace and name): for SHARED images the
   * repository shared with this account, for PRIVATE images the one this account shares, if any. Null when
   * there is none.
   */
  sharedRepository: Maybe<SharedRepository>;
  /** Image size in bytes (`image_size`). */
  sizeBytes: Maybe<Scalars['SafeInt']['output']>;
  /** Tag (`image_version`). */
  tag: Scalars['String']['output'];
  /** Registry kind (`image_type`). */
  type: ContainerImageType;
  /** When the image was last pushed or updated (`latest_update_time`). */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
  /**
   * Vulnerabilities found by the image's last scan (HSS ListImageVulnerabilities), one upstream call per
   * page, cached for as long as the image's scan state is the same. Empty with no upstream call for an
   * image never scanned, or whose scan found none (`scan.vulnerabilityCount` 0) unless asking for HANDLED
   * ones. `first` is 1–200 (default 20). HSS gives no fixed version: see `ImageVulnerability.solution`.
   */
  vulnerabilities: Maybe<ImageVulnerabilityConnection>;
};


/** A container image (one tag of a repository) as HSS knows it, with its scan results and joins. */
export type ContainerImageAppsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImageAppsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A container image (one tag of a repository) as HSS knows it, with its scan results and joins. */
export type ContainerImageBaselineChecksArgs = {
  standard: InputMaybe<BaselineStandard>;
};


/** A container image (one tag of a repository) as HSS knows it, with its scan results and joins. */
export type ContainerImageVulnerabilitiesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImageVulnerabilityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of container images. */
export type ContainerImageConnection = {
  __typename?: 'ContainerImageConnection';
  /** The images with their cursors. */
  edges: Array<ContainerImageEdge>;
  /** The images of this page, without cursors. */
  nodes: Array<ContainerImage>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of images in the whole list (all pages) matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** An image and its position in a list. */
export type ContainerImageEdge = {
  __typename?: 'ContainerImageEdge';
  /** Opaque position; pass it as `after` to continue after this image. */
  cursor: Scalars['String']['output'];
  /** The image. */
  node: ContainerImage;
};

/**
 * Narrows `containerImages`. All fields are optional and combine with AND; each maps to the HSS query
 * parameter named in its description.
 */
export type ContainerImageFilter = {
  /** Only images with (true) or without (false) known vulnerabilities (`has_vul`). */
  hasVulnerabilities?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only the latest tag of each repository (`latest_version`). */
  latestVersionOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Repository name, exact (`image_name`, 1–128 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Organization, exact (`namespace`, 1–128 characters). */
  namespace?: InputMaybe<Scalars['String']['input']>;
  /**
   * Scan state (`scan_status`). HSS filters only on UNSCANNED, SUCCESS, SCANNING, FAILED and
   * WAITING_FOR_SCAN; the other values are a `BAD_USER_INPUT` error.
   */
  scanStatus?: InputMaybe<ScanStatus>;
  /** Only images whose last scan found this risk level (`severity_level`). */
  severity?: InputMaybe<Severity>;
  /** Tag, exact (`image_version`, 1–64 characters). */
  tag?: InputMaybe<Scalars['String']['input']>;
  /** Registry kind (`image_type`). */
  type?: InputMaybe<ContainerImageType>;
};

export { ContainerImageType };

/** A CVE of a vulnerability. */
export type Cve = {
  __typename?: 'Cve';
  /** CVSS base score, 0.0–10.0 (`cvss` / `cvss_score`). */
  cvssScore: Maybe<Scalars['Float']['output']>;
  /** What it is (`description`); null when taken from the vulnerability list. */
  description: Maybe<Scalars['String']['output']>;
  /** CVE id (`cve_id`). */
  id: Scalars['String']['output'];
  /** When it was published (`publish_time`); null when taken from the vulnerability list. */
  publishedAt: Maybe<Scalars['DateTime']['output']>;
};

/** Files inside an image (HSS files-statistics). */
export type FileStatistics = {
  __typename?: 'FileStatistics';
  /** Number of files (`total_files_num`). */
  fileCount: Scalars['SafeInt']['output'];
  /** Total size of the files in bytes (`total_files_size`). */
  totalSizeBytes: Scalars['SafeInt']['output'];
};

/**
 * An image HSS knows, of any kind: a registry image (`ContainerImage`), an image built by a CI/CD pipeline
 * (`CicdImage`) or an image on cluster nodes (`LocalImage`). The fields here are the ones every kind has;
 * each type adds its own.
 */
export type Image = {
  /**
   * Software found by the image's last scan. Empty, without an upstream call, for an image never scanned.
   * `first` is 1–200 (default 20).
   */
  apps: Maybe<ImageAppConnection>;
  /** Manifest digest (`image_digest`). */
  digest: Maybe<Scalars['String']['output']>;
  /** Opaque global id; `node(id:)` finds the image again. */
  id: Scalars['ID']['output'];
  /** HSS image id (`image_id`): a `sha256:` digest for registry and local images, an opaque id for CI/CD images. */
  imageId: Scalars['String']['output'];
  /** Which kind of image this is. */
  kind: ImageKind;
  /** Repository name (`image_name`); for local images as the node pulled it, registry host included. */
  name: Scalars['String']['output'];
  /** `name:tag`, with the organization first where the image has one (`namespace/name:tag`). */
  reference: Scalars['String']['output'];
  /** The image's security scan state and findings. */
  scan: ImageScan;
  /** Image size in bytes (`image_size`). */
  sizeBytes: Maybe<Scalars['SafeInt']['output']>;
  /** Tag (`image_version`). */
  tag: Maybe<Scalars['String']['output']>;
  /** When the image was last updated (`latest_update_time`). */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};


/**
 * An image HSS knows, of any kind: a registry image (`ContainerImage`), an image built by a CI/CD pipeline
 * (`CicdImage`) or an image on cluster nodes (`LocalImage`). The fields here are the ones every kind has;
 * each type adds its own.
 */
export type ImageAppsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImageAppsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A software package found in an image (an RPM, deb, jar, npm or Python package, …). */
export type ImageApp = {
  __typename?: 'ImageApp';
  /** False when the package fails compliance checks (`is_compliant`); only in the cross-image software search. */
  compliant: Maybe<Scalars['Boolean']['output']>;
  /**
   * The image the package was found in, of whichever kind (`imageSoftware` with `imageKind` CICD or LOCAL
   * finds CI/CD or node-local images); null when HSS no longer lists it or the row does not name it.
   */
  image: Maybe<Image>;
  /** When it was last detected (`latest_scan_time`); only in the cross-image software search. */
  lastScannedAt: Maybe<Scalars['DateTime']['output']>;
  /** Digest of the image layer that added it (`layer_digest`); only in the cross-image software search. */
  layerDigest: Maybe<Scalars['String']['output']>;
  /** Package name (`app_name`). */
  name: Scalars['String']['output'];
  /** Install path (`app_path`); only in the cross-image software search. */
  path: Maybe<Scalars['String']['output']>;
  /** Package type, e.g. `RPM`, `deb`, `jar` (`app_type`). */
  type: Maybe<Scalars['String']['output']>;
  /** Installed version (`app_version`). */
  version: Maybe<Scalars['String']['output']>;
  /**
   * Vulnerabilities of this software item in its image (HSS ListImageVulnerabilities): one call per image
   * serves all its software (more only past 200 vulnerabilities), and none for software with
   * `vulnerabilityCount` 0. Matched on name and version (and path, where both sides have one).
   */
  vulnerabilities: Maybe<Array<ImageVulnerability>>;
  /** Known vulnerabilities in this package (`vul_num`). */
  vulnerabilityCount: Maybe<Scalars['Int']['output']>;
};

/** A page of software packages. */
export type ImageAppConnection = {
  __typename?: 'ImageAppConnection';
  /** The packages with their cursors. */
  edges: Array<ImageAppEdge>;
  /** The packages of this page, without cursors. */
  nodes: Array<ImageApp>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of packages in the whole list matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A package and its position in a list. */
export type ImageAppEdge = {
  __typename?: 'ImageAppEdge';
  /** Opaque position; pass it as `after` to continue after this package. */
  cursor: Scalars['String']['output'];
  /** The package. */
  node: ImageApp;
};

/** Narrows the software of one image. */
export type ImageAppsFilter = {
  /** Software name, fuzzy (`app_name`). */
  name?: InputMaybe<Scalars['String']['input']>;
};

export { ImageKind };

/** One image to scan, named as in the registry. */
export type ImageRefInput = {
  /** SWR Enterprise instance id (`instance_id`); required for ENTERPRISE images, refused for others. */
  instanceId?: InputMaybe<Scalars['String']['input']>;
  /** SWR Enterprise instance URL (`instance_url`, https), for ENTERPRISE images. */
  instanceUrl?: InputMaybe<Scalars['String']['input']>;
  /** Repository name. */
  name: Scalars['String']['input'];
  /** Organization. */
  namespace: Scalars['String']['input'];
  /** Tag. */
  tag: Scalars['String']['input'];
};

/** Results of an image's last security scan. */
export type ImageScan = {
  __typename?: 'ImageScan';
  /** Why the last scan failed, when `status` is FAILED (`scan_failed_code`). */
  failureCode: Maybe<ScanFailureCode>;
  /** HSS's human-readable failure description (`scan_failed_desc`). */
  failureReason: Maybe<Scalars['String']['output']>;
  /** When the last scan completed (`latest_scan_time`); null if never scanned. */
  lastScannedAt: Maybe<Scalars['DateTime']['output']>;
  /** Malicious files found (`malicious_file_num`). */
  maliciousFileCount: Scalars['Int']['output'];
  /** Whether HSS can scan this image at all (`scannable`). */
  scannable: Scalars['Boolean']['output'];
  /** Overall risk found (`severity_level`); null before a successful scan. */
  severity: Maybe<Severity>;
  /** Current scan state (`scan_status`). */
  status: ScanStatus;
  /** Failed baseline checks (`unsafe_setting_num`). */
  unsafeSettingCount: Scalars['Int']['output'];
  /** Known vulnerabilities (`vul_num`). */
  vulnerabilityCount: Scalars['Int']['output'];
};

/** An HSS image scan task and its progress. */
export type ImageScanTask = {
  __typename?: 'ImageScanTask';
  /** True when it scans every image matching a filter. */
  all: Scalars['Boolean']['output'];
  /** Images that could not be scanned (see `failedImages`). */
  failedCount: Scalars['Int']['output'];
  /** The images that could not be scanned, with the reason. */
  failedImages: Array<ScanTaskFailedImage>;
  /** Why the task (or some images) failed, as HSS says it. */
  failureReason: Maybe<Scalars['String']['output']>;
  /** End time, once ended. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** HSS task id (`task_id`). */
  id: Scalars['ID']['output'];
  /** Scan speed limit in images per hour; null when unlimited. */
  imagesPerHour: Maybe<Scalars['Int']['output']>;
  /** How it was started; null for a kind this gateway does not know. */
  kind: Maybe<ScanTaskKind>;
  /** Task name. */
  name: Maybe<Scalars['String']['output']>;
  /** 0–100 while running, 100 when finished; null when it ended otherwise. */
  progressPercent: Maybe<Scalars['Int']['output']>;
  /** Minutes left, as HSS estimates it, while running. */
  remainingMinutes: Maybe<Scalars['Int']['output']>;
  /** Scanned images with findings. */
  riskyCount: Scalars['Int']['output'];
  /** What it examines. */
  scope: Array<ScanScope>;
  /** Start time. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Running, finished, or how it ended. */
  state: ScanTaskState;
  /** Images scanned successfully. */
  succeededCount: Scalars['Int']['output'];
  /** Images in the task. */
  totalCount: Scalars['Int']['output'];
};

/** A page of scan tasks, newest first. */
export type ImageScanTaskConnection = {
  __typename?: 'ImageScanTaskConnection';
  /** The tasks with their cursors. */
  edges: Array<ImageScanTaskEdge>;
  /** The tasks of this page, without cursors. */
  nodes: Array<ImageScanTask>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of tasks matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A scan task and its cursor. */
export type ImageScanTaskEdge = {
  __typename?: 'ImageScanTaskEdge';
  /** Opaque position; pass it as `after` to continue after this task. */
  cursor: Scalars['String']['output'];
  /** The task. */
  node: ImageScanTask;
};

/** Narrows `imageScanTasks`; fields combine with AND. */
export type ImageScanTaskFilter = {
  /** Only the task with this id (`task_id`). */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Only tasks of this kind (`task_type`). */
  kind?: InputMaybe<ScanTaskKind>;
  /** True: only running tasks; false: only ended ones (`task_status`). */
  running?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Narrows `imageSoftware`; fields combine with AND. */
export type ImageSoftwareFilter = {
  /** Kind of image the software was found in (`image_type`). */
  imageKind?: InputMaybe<ImageKind>;
  /** Software name, fuzzy (`app_name`, at most 32 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Only software that fails compliance checks (`is_compliant=false`). */
  nonCompliantOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/**
 * A vulnerability found in one software item of one image (HSS ListImageVulnerabilities). HSS gives no
 * fixed version here: the fix is the free-text `solution` plus `url`. Its list has no CVEs either: `cves`,
 * `severity` and `maxCvssScore` come from HSS's vulnerability-centric list (ListGeneralImageVuls, the list
 * `Query.vulnerabilities` pages), shared by every image and cached as a list.
 */
export type ImageVulnerability = {
  __typename?: 'ImageVulnerability';
  /**
   * Its CVEs with their CVSS scores, from this vulnerability's entry in HSS's vulnerability list
   * (ListGeneralImageVuls of registry images, unhandled, of its type: application when HSS gives a
   * `softwarePath`, which it does for application vulnerabilities only, else operating system). All of an
   * image's vulnerabilities are looked up together: pages of 200 of that list, read only as far as needed
   * (and shared with every other image and with `Query.vulnerabilities(first: 200)`), or, when at most two
   * ids are left and more pages than that, one call per id filtered by it. Null when that list does not
   * hold the id (e.g. a vulnerability handled in every image, or one found after the list was cached); never
   * a guess. `publishedAt` and `description` of each CVE are null unless the entry had no inline CVEs.
   */
  cves: Maybe<Array<Cve>>;
  /** What the vulnerability is (`description`). */
  description: Maybe<Scalars['String']['output']>;
  /**
   * Vulnerability id (`vul_id`): a CVE id for application vulnerabilities, a distribution advisory id
   * (e.g. EulerOS-SA, DSA) for operating-system ones.
   */
  id: Scalars['String']['output'];
  /** Digest of the image layer the vulnerable software is in (`position`). */
  layerDigest: Maybe<Scalars['String']['output']>;
  /** Highest CVSS score of its CVEs (`max_cvss_score` of the same entry as `cves`); null when `cves` is. */
  maxCvssScore: Maybe<Scalars['Float']['output']>;
  /** How urgently to fix it (`repair_necessity`); null for a value this gateway does not know. */
  repairNecessity: Maybe<RepairNecessity>;
  /** Severity from its highest CVSS score (`severity_level` of the same entry as `cves`); null when `cves` is. */
  severity: Maybe<VulnerabilitySeverity>;
  /** Name of the vulnerable software (`app_name`). */
  softwareName: Maybe<Scalars['String']['output']>;
  /** Where the software is installed (`app_path`); HSS gives it for application vulnerabilities only. */
  softwarePath: Maybe<Scalars['String']['output']>;
  /** Installed, vulnerable version (`version`). HSS has no "fixed in" version field. */
  softwareVersion: Maybe<Scalars['String']['output']>;
  /** How to fix it, free text (`solution`): the only fix information HSS offers. */
  solution: Maybe<Scalars['String']['output']>;
  /** Advisory or CVE page (`url`). */
  url: Maybe<Scalars['String']['output']>;
};

/** A page of an image's vulnerabilities. */
export type ImageVulnerabilityConnection = {
  __typename?: 'ImageVulnerabilityConnection';
  /** The vulnerabilities with their cursors. */
  edges: Array<ImageVulnerabilityEdge>;
  /** The vulnerabilities of this page, without cursors. */
  nodes: Array<ImageVulnerability>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of vulnerabilities (all pages) matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** An image vulnerability and its position in a list. */
export type ImageVulnerabilityEdge = {
  __typename?: 'ImageVulnerabilityEdge';
  /** Opaque position; pass it as `after` to continue after this item. */
  cursor: Scalars['String']['output'];
  /** The vulnerability. */
  node: ImageVulnerability;
};

/**
 * Narrows the vulnerabilities of one image; fields combine with AND. Each maps to the ListImageVulnerabilities
 * query parameter named.
 */
export type ImageVulnerabilityFilter = {
  /** Handled or not (`handle_status`). */
  handleStatus?: InputMaybe<VulnerabilityHandleStatus>;
  /** Vulnerability id, fuzzy (`vul_id`, at most 256 characters). */
  id?: InputMaybe<Scalars['String']['input']>;
  /** How urgent (`repair_necessity`). */
  repairNecessity?: InputMaybe<RepairNecessity>;
  /** Software name (`app_name`, at most 128 characters). */
  softwareName?: InputMaybe<Scalars['String']['input']>;
  /** Operating-system package or application vulnerabilities (`type`). */
  type?: InputMaybe<VulnerabilityType>;
};

/** An image present on cluster nodes (HSS `ListImageLocal`). */
export type LocalImage = Image & Node & {
  __typename?: 'LocalImage';
  /** Software found by the last scan (HSS `ListLocalImageAppInfo`). `first` is 1–200 (default 20). */
  apps: Maybe<ImageAppConnection>;
  /** Software components found in it (`component_num`). */
  componentCount: Scalars['Int']['output'];
  /** Containers running from it (`container_num`). */
  containerCount: Scalars['Int']['output'];
  /** Manifest digest (`image_digest`). */
  digest: Maybe<Scalars['String']['output']>;
  /** A node holding the image, as HSS names one (`host_id`, `host_name`, `agent_id`); null when none is named. */
  host: Maybe<LocalImageHost>;
  /** Nodes holding the image (`host_num`). */
  hostCount: Scalars['Int']['output'];
  /** Opaque global id; `localImage(id:)` and `node(id:)` find the image again with one HSS call. */
  id: Scalars['ID']['output'];
  /** Docker image id on the nodes (`image_id`). */
  imageId: Scalars['String']['output'];
  /** Always LOCAL. */
  kind: ImageKind;
  /** Repository as the nodes pulled it, registry host included (`image_name`). */
  name: Scalars['String']['output'];
  /** `name:tag`. */
  reference: Scalars['String']['output'];
  /**
   * The image's security scan state and findings. A failed node-side scan reports its reason (e.g.
   * `docker_offline`) in `failureReason`; `failureCode` is then UNKNOWN_ERROR.
   */
  scan: ImageScan;
  /** Image size in bytes (`image_size`). */
  sizeBytes: Maybe<Scalars['SafeInt']['output']>;
  /** Where it was pulled from (`local_image_type`). */
  source: Maybe<LocalImageSource>;
  /** Tag (`image_version`). */
  tag: Maybe<Scalars['String']['output']>;
  /** When the image was last updated (`latest_update_time`). */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};


/** An image present on cluster nodes (HSS `ListImageLocal`). */
export type LocalImageAppsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImageAppsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of node-local images. */
export type LocalImageConnection = {
  __typename?: 'LocalImageConnection';
  /** The images with their cursors. */
  edges: Array<LocalImageEdge>;
  /** The images of this page, without cursors. */
  nodes: Array<LocalImage>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of images in the whole list matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A node-local image and its position in a list. */
export type LocalImageEdge = {
  __typename?: 'LocalImageEdge';
  /** Opaque position; pass it as `after` to continue after this image. */
  cursor: Scalars['String']['output'];
  /** The image. */
  node: LocalImage;
};

/**
 * Narrows `localImages`. All fields are optional and combine with AND; each maps to the HSS query parameter
 * named in its description. Text fields are 1–256 characters.
 */
export type LocalImageFilter = {
  /** Name of software in the image, fuzzy (`app_name`). */
  appName?: InputMaybe<Scalars['String']['input']>;
  /** Container id (`container_id`). */
  containerId?: InputMaybe<Scalars['String']['input']>;
  /** Container name, fuzzy (`container_name`). */
  containerName?: InputMaybe<Scalars['String']['input']>;
  /** Only images with (true) or without (false) containers running from them (`has_container`). */
  hasContainers?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only images with (true) or without (false) known vulnerabilities (`has_vul`). */
  hasVulnerabilities?: InputMaybe<Scalars['Boolean']['input']>;
  /** Host id (`host_id`). */
  hostId?: InputMaybe<Scalars['String']['input']>;
  /** Host IP address (`host_ip`). */
  hostIp?: InputMaybe<Scalars['String']['input']>;
  /** Host name, fuzzy (`host_name`). */
  hostName?: InputMaybe<Scalars['String']['input']>;
  /** Repository name, fuzzy and case-sensitive (`image_name`). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Pod id (`pod_id`). */
  podId?: InputMaybe<Scalars['String']['input']>;
  /** Pod name, fuzzy (`pod_name`). */
  podName?: InputMaybe<Scalars['String']['input']>;
  /** Scan state (`scan_status`): UNSCANNED, SUCCESS, SCANNING, FAILED or WAITING_FOR_SCAN. */
  scanStatus?: InputMaybe<ScanStatus>;
  /** Where the nodes pulled it from (`local_image_type`). */
  source?: InputMaybe<LocalImageSource>;
  /** Tag, exact (`image_version`); HSS applies it only with `name`, so it needs `name`. */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** A node running the HSS agent. */
export type LocalImageHost = {
  __typename?: 'LocalImageHost';
  /** Id of the HSS agent on the host (`agent_id`). */
  agentId: Maybe<Scalars['String']['output']>;
  /** HSS host id (`host_id`). */
  id: Scalars['String']['output'];
  /** Host name (`host_name`). */
  name: Maybe<Scalars['String']['output']>;
};

export { LocalImageSource };

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Asks HSS to scan images (HSS batch-scan, which Huawei's SDKs mark deprecated: prefer `startImageScanTask`). Bad input (neither `images` nor `all`, both, an empty list, a
   * kind HSS cannot scan) is a `BAD_USER_INPUT` error and makes no upstream call. Never retried once sent.
   */
  scanImages: ScanImagesPayload;
  /**
   * Starts an HSS image scan task (`CreateManualImageScanTask`, the current scan API; `scanImages` uses the
   * deprecated batch-scan), then finds the task it created in the task list: two HSS calls. Bad input
   * (neither `images` nor `all`, both, an empty or oversized list, an empty scope, a speed outside 0–1000, an
   * ENTERPRISE image without its instance id) is a `BAD_USER_INPUT` error and makes no upstream call.
   */
  startImageScanTask: StartImageScanTaskPayload;
};


export type MutationScanImagesArgs = {
  input: ScanImagesInput;
};


export type MutationStartImageScanTaskArgs = {
  input: StartImageScanTaskInput;
};

/** An object with a globally unique, opaque id that `Query.node` can fetch again. */
export type Node = {
  /** Opaque global id. Pass it to `Query.node` or the type's own lookup field; do not parse it. */
  id: Scalars['ID']['output'];
};

/** Where a page of a connection sits in the whole list (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when items follow this page: request them with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of this page; null on an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export { PipelineType };

/** An image that Workspace cloud desktops can be provisioned from. */
export type ProductImage = Node & {
  __typename?: 'ProductImage';
  /** CPU architecture: `x86` or `arm` (`architecture`). */
  architecture: Maybe<Scalars['String']['output']>;
  /** When the image was created (`created_at`). */
  createdAt: Maybe<Scalars['DateTime']['output']>;
  /** Disk format: `vhd`, `raw`, `qcow2` or `zvhd2` (`disk_format`). */
  diskFormat: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Workspace image id, a UUID (`id`). */
  imageId: Scalars['String']['output'];
  /** Minimum system disk in GB, 40–1024 (`min_disk`). */
  minDiskGb: Maybe<Scalars['Int']['output']>;
  /** Minimum memory in MB; usually 0 (`min_ram`). */
  minRamMb: Maybe<Scalars['Int']['output']>;
  /** Image name (`name`). */
  name: Scalars['String']['output'];
  /** Operating system: `Linux`, `Windows` or `Other` (`os_type`). */
  osType: Maybe<Scalars['String']['output']>;
  /** OS version, e.g. `EulerOS 2.5 64bit` (`os_version`). */
  osVersion: Maybe<Scalars['String']['output']>;
  /** Marketplace product code (`product_code`). */
  productCode: Maybe<Scalars['String']['output']>;
  /** Image type (`image_type`). */
  type: ProductImageType;
};

/** A page of product images. */
export type ProductImageConnection = {
  __typename?: 'ProductImageConnection';
  /** The images with their cursors. */
  edges: Array<ProductImageEdge>;
  /** The images of this page, without cursors. */
  nodes: Array<ProductImage>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of images in the whole list matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A product image and its position in a list. */
export type ProductImageEdge = {
  __typename?: 'ProductImageEdge';
  /** Opaque position; pass it as `after` to continue after this image. */
  cursor: Scalars['String']['output'];
  /** The image. */
  node: ProductImage;
};

/** Narrows `productImages`; fields combine with AND and map to the Workspace query parameters. */
export type ProductImageFilter = {
  /** CPU architecture: `x86` or `arm` (`architecture`). */
  architecture?: InputMaybe<Scalars['String']['input']>;
  /** Operating system, as Workspace names it: `Linux`, `Windows` or `Other` (`os_type`). */
  osType?: InputMaybe<Scalars['String']['input']>;
  /** Package series (`package_type`). */
  packageType?: InputMaybe<Scalars['String']['input']>;
  /** OS platform, e.g. `Windows` (`platform`). */
  platform?: InputMaybe<Scalars['String']['input']>;
  /** Image type (`image_type`). */
  type?: InputMaybe<ProductImageType>;
};

export { ProductImageType };

/** Read access to container images, their software, shared repositories and Workspace images. */
export type Query = {
  __typename?: 'Query';
  /**
   * One CI/CD image by its `id` as returned in any list. Null, with a `NOT_FOUND` error, when HSS no longer
   * lists it; a malformed id is a `BAD_USER_INPUT` error.
   */
  cicdImage: Maybe<CicdImage>;
  /**
   * Images built and scanned in CI/CD pipelines (HSS `ListCicdImages`). `first` is 1–200 (default 20); more
   * is a `BAD_USER_INPUT` error, since each page is exactly one upstream call.
   */
  cicdImages: CicdImageConnection;
  /**
   * One image, by its `id` as returned in any list, or by `type` + `namespace` + `name` + `tag`. Null, with
   * a `NOT_FOUND` error, when no such image exists. A malformed id is a `BAD_USER_INPUT` error.
   */
  containerImage: Maybe<ContainerImage>;
  /**
   * Container images of the connected registries (HSS `ListRegistryImages`). `first` is 1–200 (default 20);
   * more is a `BAD_USER_INPUT` error, since each page is exactly one upstream call.
   */
  containerImages: ContainerImageConnection;
  /** HSS image scan tasks with their progress (HSS `ListImageScanTask`, `type=image_scan`). `first` is 1–200. */
  imageScanTasks: ImageScanTaskConnection;
  /**
   * Software across all images (HSS `ListGlobalImageApps`), e.g. every image that ships openssl.
   * `first` is 1–200 (default 20); HSS pages hold at least 10, so smaller pages cost the same one call.
   */
  imageSoftware: ImageAppConnection;
  /**
   * One node-local image by its `id` as returned in any list. Null, with a `NOT_FOUND` error, when HSS no
   * longer lists it; a malformed id is a `BAD_USER_INPUT` error.
   */
  localImage: Maybe<LocalImage>;
  /** Images on cluster nodes (HSS `ListImageLocal`). `first` is 1–200 (default 20). */
  localImages: LocalImageConnection;
  /** Fetches any object by its global id. Returns null, with a `NOT_FOUND` error, when it no longer exists. */
  node: Maybe<Node>;
  /** Workspace product images (Workspace `ListImages`). `first` is 1–100 (default 20). */
  productImages: ProductImageConnection;
  /**
   * SWR shared repositories of one side of the share (SWR `ListSharedReposDetails`). `first` is 1–100
   * (default 20).
   */
  sharedRepositories: SharedRepositoryConnection;
  /**
   * The upstream budget per API, for consoles to show "HSS image apps: 2 of 5 left, next in 7 s, 14 queued".
   * Costs no upstream call.
   */
  upstreamQuota: Array<UpstreamQuota>;
  /**
   * Vulnerabilities across all images (HSS ListGeneralImageVuls), one upstream call per page. `first` is
   * 1–200 (default 20).
   */
  vulnerabilities: VulnerabilityConnection;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryCicdImageArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryCicdImagesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<CicdImageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryContainerImageArgs = {
  id: InputMaybe<Scalars['ID']['input']>;
  name: InputMaybe<Scalars['String']['input']>;
  namespace: InputMaybe<Scalars['String']['input']>;
  tag: InputMaybe<Scalars['String']['input']>;
  type: InputMaybe<ContainerImageType>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryContainerImagesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ContainerImageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryImageScanTasksArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImageScanTaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryImageSoftwareArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ImageSoftwareFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryLocalImageArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryLocalImagesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<LocalImageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryProductImagesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductImageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QuerySharedRepositoriesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  center: ShareCenter;
  filter: InputMaybe<SharedRepositoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to container images, their software, shared repositories and Workspace images. */
export type QueryVulnerabilitiesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: VulnerabilityFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export { RepairNecessity };

export { RepositoryCategory };

export { ScanFailureCode };

/** Which images to scan when `all` is true; fields combine with AND. */
export type ScanImagesFilter = {
  /** Only the latest tag of each repository (`latest_version`). */
  latestVersionOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Repository name (`image_name`). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Organization (`namespace`). */
  namespace?: InputMaybe<Scalars['String']['input']>;
  /** Only images in this scan state (UNSCANNED, SUCCESS, SCANNING, FAILED, DOWNLOAD_FAILED, IMAGE_OVERSIZED). */
  scanStatus?: InputMaybe<ScanStatus>;
  /** Only images last scanned at or after this instant (`start_latest_scan_time`). */
  scannedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only images last scanned at or before this instant (`end_latest_scan_time`). */
  scannedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only images of exactly this size in bytes (`image_size`). */
  sizeBytes?: InputMaybe<Scalars['SafeInt']['input']>;
  /** Tag (`image_version`). */
  tag?: InputMaybe<Scalars['String']['input']>;
  /** Only images updated at or after this instant (`start_latest_update_time`). */
  updatedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only images updated at or before this instant (`end_latest_update_time`). */
  updatedBefore?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What to scan: either `images` (1–100 references) or `all: true` with an optional `filter`, never both. */
export type ScanImagesInput = {
  /** Scan every image of `imageType` that matches `filter`. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /** Narrows `all`. */
  filter?: InputMaybe<ScanImagesFilter>;
  /** Registry kind: PRIVATE, SHARED or ENTERPRISE (HSS cannot batch-scan Harbor or JFrog images this way). */
  imageType: ContainerImageType;
  /** The images to scan. */
  images?: InputMaybe<Array<ImageRefInput>>;
};

/** What the gateway asked HSS to scan, and whether HSS accepted it. */
export type ScanImagesPayload = {
  __typename?: 'ScanImagesPayload';
  /** True when HSS accepted the request; the scans then run asynchronously (watch `ImageScan.status`). */
  accepted: Scalars['Boolean']['output'];
  /** True when every image matching the filter was requested. */
  all: Scalars['Boolean']['output'];
  /** The registry kind scanned. */
  imageType: ContainerImageType;
  /** Number of images named in the request; null for `all`, where HSS decides. */
  requestedCount: Maybe<Scalars['Int']['output']>;
};

export { ScanScope };

export { ScanStatus };

/** An image a scan task could not scan. */
export type ScanTaskFailedImage = {
  __typename?: 'ScanTaskFailedImage';
  /** Repository name. */
  name: Scalars['String']['output'];
  /** Organization. */
  namespace: Scalars['String']['output'];
  /** Why, as HSS says it (e.g. image oversized). */
  reason: Scalars['String']['output'];
  /** HSS registry type, e.g. `SwrPrivate`. */
  registryType: Maybe<Scalars['String']['output']>;
  /** Tag. */
  tag: Scalars['String']['output'];
};

/** Which images a scan task with `all: true` scans; fields combine with AND. */
export type ScanTaskFilter = {
  /** Repository name (`image_name`). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Organization (`namespace`). */
  namespace?: InputMaybe<Scalars['String']['input']>;
  /** Only images in this scan state. */
  scanStatus?: InputMaybe<ScanStatus>;
  /** Tag (`image_version`). */
  tag?: InputMaybe<Scalars['String']['input']>;
  /** Registry kind (default PRIVATE). */
  type?: InputMaybe<ContainerImageType>;
};

/** One image a scan task should scan, named as in the registry. */
export type ScanTaskImageInput = {
  /** SWR Enterprise instance id; required for ENTERPRISE images, refused otherwise. */
  instanceId?: InputMaybe<Scalars['String']['input']>;
  /** SWR Enterprise instance URL (https), for ENTERPRISE images. */
  instanceUrl?: InputMaybe<Scalars['String']['input']>;
  /** Repository name. */
  name: Scalars['String']['input'];
  /** Organization. */
  namespace: Scalars['String']['input'];
  /** Tag. */
  tag: Scalars['String']['input'];
  /** Registry kind: PRIVATE, SHARED or ENTERPRISE. */
  type: ContainerImageType;
};

export { ScanTaskKind };

/** Where a scan task is, from HSS `task_status` (0–100 progress, −1 terminated, −2 timeout, −3 error). */
export enum ScanTaskState {
  /** Ended with an error (`failureReason`). */
  Failed = 'FAILED',
  /** Done (100 %): see the counts and `failedImages`. */
  Finished = 'FINISHED',
  /** Scanning; `progressPercent` says how far. */
  Running = 'RUNNING',
  /** Stopped before it finished. */
  Terminated = 'TERMINATED',
  /** Ran out of time. */
  TimedOut = 'TIMED_OUT'
}

export { Severity };

export { ShareCenter };

/** An SWR repository shared between accounts, with its tags. */
export type SharedRepository = Node & {
  __typename?: 'SharedRepository';
  /** Category (`category`). */
  category: Maybe<RepositoryCategory>;
  /** Which side of the share this is. */
  center: ShareCenter;
  /** When the repository was created (`created_at`). */
  createdAt: Maybe<Scalars['DateTime']['output']>;
  /** Description (`description`). */
  description: Maybe<Scalars['String']['output']>;
  /** Number of pulls (`num_download`). */
  downloadCount: Scalars['SafeInt']['output'];
  /** Opaque global id (carries the share center, namespace and name). */
  id: Scalars['ID']['output'];
  /**
   * The repository's tags as container images known to HSS (in `tags` order; tags HSS has not synchronised
   * are left out and not counted). `first` is 1–200 (default 20).
   */
  images: Maybe<ContainerImageConnection>;
  /** Pull address inside the cloud network (`internal_path`). */
  internalPullPath: Maybe<Scalars['String']['output']>;
  /** Whether the repository is public (`is_public`). */
  isPublic: Scalars['Boolean']['output'];
  /** Repository name (`name`). */
  name: Scalars['String']['output'];
  /** Owning organization (`namespace`). */
  namespace: Scalars['String']['output'];
  /** Owner account name (`domain_name`). */
  ownerDomain: Scalars['String']['output'];
  /** External pull address `{registry}/{namespace}/{name}` (`path`). */
  pullPath: Scalars['String']['output'];
  /** For THIRDPARTY: whether the share is still valid (`status`). Null for SELF, where SWR leaves it meaningless. */
  shareValid: Maybe<Scalars['Boolean']['output']>;
  /** Total bytes of all its images (`size`). */
  sizeBytes: Scalars['SafeInt']['output'];
  /** Number of tags (`num_images`). */
  tagCount: Scalars['Int']['output'];
  /** All tags of the repository (`tags`). */
  tags: Array<Scalars['String']['output']>;
  /** When the repository last changed (`updated_at`). */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};


/** An SWR repository shared between accounts, with its tags. */
export type SharedRepositoryImagesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of shared repositories. */
export type SharedRepositoryConnection = {
  __typename?: 'SharedRepositoryConnection';
  /** The repositories with their cursors. */
  edges: Array<SharedRepositoryEdge>;
  /** The repositories of this page, without cursors. */
  nodes: Array<SharedRepository>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of repositories in the whole list matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A repository and its position in a list. */
export type SharedRepositoryEdge = {
  __typename?: 'SharedRepositoryEdge';
  /** Opaque position; pass it as `after` to continue after this repository. */
  cursor: Scalars['String']['output'];
  /** The repository. */
  node: SharedRepository;
};

/** Narrows `sharedRepositories`; fields combine with AND. */
export type SharedRepositoryFilter = {
  /** Repository name; SWR matches it fuzzily (contains). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Organization; SWR matches it fuzzily (contains). */
  namespace?: InputMaybe<Scalars['String']['input']>;
};

/** A scan task to start: either `images` (1–100) or `all: true` with an optional `filter`, never both. */
export type StartImageScanTaskInput = {
  /** Scan every registry image matching `filter`. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /** Narrows `all`. */
  filter?: InputMaybe<ScanTaskFilter>;
  /** The images to scan. */
  images?: InputMaybe<Array<ScanTaskImageInput>>;
  /** Scan speed in images per hour, 1–1000; omitted or 0 means unlimited. */
  imagesPerHour?: InputMaybe<Scalars['Int']['input']>;
  /** What to examine; default everything. Must not be empty. */
  scope?: InputMaybe<Array<ScanScope>>;
};

/** What the gateway asked HSS to scan, and the task HSS created for it. */
export type StartImageScanTaskPayload = {
  __typename?: 'StartImageScanTaskPayload';
  /** True when HSS accepted the task; it then runs asynchronously (watch `imageScanTasks`). */
  accepted: Scalars['Boolean']['output'];
  /** Number of images named; null for `all`. */
  requestedCount: Maybe<Scalars['Int']['output']>;
  /**
   * The task, found in the task list right after it was created (HSS returns no task id): the newest manual
   * task that began no earlier than this request. Null if HSS did not list it yet. This gateway starts one
   * task at a time, so its own starts are never confused; a task started elsewhere in the same moment can be.
   */
  task: Maybe<ImageScanTask>;
};

/**
 * One upstream API's budget right now. HSS allows each API 5 calls per minute per user, counted in a sliding
 * window; the gateway admits at most that many (all replicas together when they share Redis), queues what
 * it refused to warm its cache, and serves older values when a call cannot be made.
 */
export type UpstreamQuota = {
  __typename?: 'UpstreamQuota';
  /** The upstream API, e.g. `hss.listImageApps`. */
  api: Scalars['String']['output'];
  /** Calls admitted per window. */
  limit: Scalars['Int']['output'];
  /** Milliseconds until the oldest admission leaves the window (0 when a call can be admitted now). */
  nextSlotInMs: Scalars['Int']['output'];
  /** How long the oldest queued call has waited, in milliseconds (0 when none waits). */
  oldestQueuedMs: Scalars['Int']['output'];
  /** Milliseconds left of a pause after the upstream answered 429 (0 when not paused). */
  pausedForMs: Scalars['Int']['output'];
  /** Refused calls waiting to run in a later window, to warm the cache. */
  queued: Scalars['Int']['output'];
  /** Calls that can still be admitted now. */
  remaining: Scalars['Int']['output'];
  /** The service it belongs to: `hss`, `swr` or `workspace`. */
  service: Scalars['String']['output'];
  /** Calls admitted within the current window. */
  used: Scalars['Int']['output'];
  /** The window's length in milliseconds: the documented window plus the gateway's safety margin for clock skew. */
  windowMs: Scalars['Int']['output'];
};

/** A vulnerability across all images (HSS ListGeneralImageVuls), with its CVEs and their CVSS scores. */
export type Vulnerability = {
  __typename?: 'Vulnerability';
  /** Images that have it (`image_num`). */
  affectedImageCount: Scalars['Int']['output'];
  /**
   * The images that have it (HSS ListVulAffectImages, one call per page), each joined to its
   * `ContainerImage` (one HSS list per repository). `first` is 1–200 (default 20).
   */
  affectedImages: Maybe<AffectedImageConnection>;
  /**
   * The software items of one image (by its `ContainerImage.id`) that have this vulnerability, with their
   * versions and paths (HSS ListVulAffectImageApps, one call; at most 200).
   */
  affectedSoftware: Maybe<Array<AffectedSoftware>>;
  /**
   * Its CVEs with CVSS scores: from the list entry itself (`cve_list`, no call; then `publishedAt` and
   * `description` are null), else HSS ListVulnerabilityCve (one call, at most 200).
   */
  cves: Maybe<Array<Cve>>;
  /** What it is (`description`). */
  description: Maybe<Scalars['String']['output']>;
  /** Vulnerability id (`vul_id`), as in `ImageVulnerability.id`. */
  id: Scalars['String']['output'];
  /** Labels HSS attaches (`label_list`). */
  labels: Array<Scalars['String']['output']>;
  /** When it was last found by a scan (`scan_time`). */
  lastScannedAt: Maybe<Scalars['DateTime']['output']>;
  /** Highest CVSS score of its CVEs (`max_cvss_score`). */
  maxCvssScore: Maybe<Scalars['Float']['output']>;
  /** Name (`vul_name`). */
  name: Maybe<Scalars['String']['output']>;
  /** Severity (`severity_level`). */
  severity: Maybe<VulnerabilitySeverity>;
  /** How to fix it, free text (`solution_detail`). HSS has no fixed-version field. */
  solution: Maybe<Scalars['String']['output']>;
  /** Operating-system package or application vulnerability (`type`). */
  type: Maybe<VulnerabilityType>;
  /** Advisory or CVE page (`url`). */
  url: Maybe<Scalars['String']['output']>;
};


/** A vulnerability across all images (HSS ListGeneralImageVuls), with its CVEs and their CVSS scores. */
export type VulnerabilityAffectedImagesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A vulnerability across all images (HSS ListGeneralImageVuls), with its CVEs and their CVSS scores. */
export type VulnerabilityAffectedSoftwareArgs = {
  image: Scalars['ID']['input'];
};

/** A page of vulnerabilities. */
export type VulnerabilityConnection = {
  __typename?: 'VulnerabilityConnection';
  /** The vulnerabilities with their cursors. */
  edges: Array<VulnerabilityEdge>;
  /** The vulnerabilities of this page, without cursors. */
  nodes: Array<Vulnerability>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of vulnerabilities (all pages) matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A vulnerability and its position in a list. */
export type VulnerabilityEdge = {
  __typename?: 'VulnerabilityEdge';
  /** Opaque position; pass it as `after` to continue after this item. */
  cursor: Scalars['String']['output'];
  /** The vulnerability. */
  node: Vulnerability;
};

/** Narrows `Query.vulnerabilities`; fields combine with AND. */
export type VulnerabilityFilter = {
  /** A CVE the vulnerability carries (`cve_id`, at most 256 characters). */
  cveId?: InputMaybe<Scalars['String']['input']>;
  /** Handled or not (`handle_status`, required by HSS). */
  handleStatus?: InputMaybe<VulnerabilityHandleStatus>;
  /** Vulnerability id, fuzzy (`vul_id`, at most 256 characters). */
  id?: InputMaybe<Scalars['String']['input']>;
  /** Which images to look at (`image_type`, required by HSS). */
  imageScope?: InputMaybe<VulnerabilityImageScope>;
  /** Vulnerability name, fuzzy (`vul_name`, at most 256 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Severity (`severity_level`). */
  severity?: InputMaybe<VulnerabilitySeverity>;
  /** Fixed or ignored (`status`). */
  status?: InputMaybe<VulnerabilityStatus>;
  /** Operating-system package or application vulnerabilities (`type`, required by HSS). */
  type: VulnerabilityType;
};

export { VulnerabilityHandleStatus };

export { VulnerabilityImageScope };

export { VulnerabilitySeverity };

export { VulnerabilityStatus };

export { VulnerabilityType };



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Image:
    | ( CicdImageModel )
    | ( ContainerImageModel )
    | ( LocalImageModel )
  ;
  Node:
    | ( CicdImageModel )
    | ( ContainerImageModel )
    | ( LocalImageModel )
    | ( ProductImageModel )
    | ( SharedRepositoryModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AffectedImage: ResolverTypeWrapper<HssVulAffectImage>;
  AffectedImageConnection: ResolverTypeWrapper<AffectedImagePage>;
  AffectedImageEdge: ResolverTypeWrapper<AffectedImageEdgeModel>;
  AffectedSoftware: ResolverTypeWrapper<HssVulAffectImageApp>;
  AffectedSoftwareLocation: ResolverTypeWrapper<HssVulAffectAppPath>;
  BaselineCheck: ResolverTypeWrapper<BaselineCheckModel>;
  BaselineRule: ResolverTypeWrapper<HssImageRiskConfigRule>;
  BaselineRuleResult: BaselineRuleResult;
  BaselineSeverity: BaselineSeverity;
  BaselineStandard: BaselineStandard;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CicdImage: ResolverTypeWrapper<CicdImageModel>;
  CicdImageConnection: ResolverTypeWrapper<CicdImagePage>;
  CicdImageEdge: ResolverTypeWrapper<CicdImageEdgeModel>;
  CicdImageFilter: CicdImageFilter;
  ContainerImage: ResolverTypeWrapper<ContainerImageModel>;
  ContainerImageConnection: ResolverTypeWrapper<ContainerImagePage>;
  ContainerImageEdge: ResolverTypeWrapper<ContainerImageEdgeModel>;
  ContainerImageFilter: ContainerImageFilter;
  ContainerImageType: ContainerImageType;
  Cve: ResolverTypeWrapper<CveModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FileStatistics: ResolverTypeWrapper<FileStatistics>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Image: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Image']>;
  ImageApp: ResolverTypeWrapper<ImageAppModel>;
  ImageAppConnection: ResolverTypeWrapper<ImageAppPage>;
  ImageAppEdge: ResolverTypeWrapper<ImageAppEdgeModel>;
  ImageAppsFilter: ImageAppsFilter;
  ImageKind: ImageKind;
  ImageRefInput: ImageRefInput;
  ImageScan: ResolverTypeWrapper<ImageScanModel>;
  ImageScanTask: ResolverTypeWrapper<HssImageScanTask>;
  ImageScanTaskConnection: ResolverTypeWrapper<ImageScanTaskPage>;
  ImageScanTaskEdge: ResolverTypeWrapper<ImageScanTaskEdgeModel>;
  ImageScanTaskFilter: ImageScanTaskFilter;
  ImageSoftwareFilter: ImageSoftwareFilter;
  ImageVulnerability: ResolverTypeWrapper<HssImageVulnerability>;
  ImageVulnerabilityConnection: ResolverTypeWrapper<ImageVulnerabilityPage>;
  ImageVulnerabilityEdge: ResolverTypeWrapper<ImageVulnerabilityEdgeModel>;
  ImageVulnerabilityFilter: ImageVulnerabilityFilter;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LocalImage: ResolverTypeWrapper<LocalImageModel>;
  LocalImageConnection: ResolverTypeWrapper<LocalImagePage>;
  LocalImageEdge: ResolverTypeWrapper<LocalImageEdgeModel>;
  LocalImageFilter: LocalImageFilter;
  LocalImageHost: ResolverTypeWrapper<LocalImageHostModel>;
  LocalImageSource: LocalImageSource;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PipelineType: PipelineType;
  ProductImage: ResolverTypeWrapper<ProductImageModel>;
  ProductImageConnection: ResolverTypeWrapper<ProductImagePage>;
  ProductImageEdge: ResolverTypeWrapper<ProductImageEdgeModel>;
  ProductImageFilter: ProductImageFilter;
  ProductImageType: ProductImageType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RepairNecessity: RepairNecessity;
  RepositoryCategory: RepositoryCategory;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  ScanFailureCode: ScanFailureCode;
  ScanImagesFilter: ScanImagesFilter;
  ScanImagesInput: ScanImagesInput;
  ScanImagesPayload: ResolverTypeWrapper<ScanImagesPayload>;
  ScanScope: ScanScope;
  ScanStatus: ScanStatus;
  ScanTaskFailedImage: ResolverTypeWrapper<HssScanTaskFailedImage>;
  ScanTaskFilter: ScanTaskFilter;
  ScanTaskImageInput: ScanTaskImageInput;
  ScanTaskKind: ScanTaskKind;
  ScanTaskState: ScanTaskState;
  Severity: Severity;
  ShareCenter: ShareCenter;
  SharedRepository: ResolverTypeWrapper<SharedRepositoryModel>;
  SharedRepositoryConnection: ResolverTypeWrapper<SharedRepositoryPage>;
  SharedRepositoryEdge: ResolverTypeWrapper<SharedRepositoryEdgeModel>;
  SharedRepositoryFilter: SharedRepositoryFilter;
  StartImageScanTaskInput: StartImageScanTaskInput;
  StartImageScanTaskPayload: ResolverTypeWrapper<Omit<StartImageScanTaskPayload, 'task'> & { task?: Maybe<ResolversTypes['ImageScanTask']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  UpstreamQuota: ResolverTypeWrapper<UpstreamQuotaModel>;
  Vulnerability: ResolverTypeWrapper<VulnerabilityModel>;
  VulnerabilityConnection: ResolverTypeWrapper<VulnerabilityPage>;
  VulnerabilityEdge: ResolverTypeWrapper<VulnerabilityEdgeModel>;
  VulnerabilityFilter: VulnerabilityFilter;
  VulnerabilityHandleStatus: VulnerabilityHandleStatus;
  VulnerabilityImageScope: VulnerabilityImageScope;
  VulnerabilitySeverity: VulnerabilitySeverity;
  VulnerabilityStatus: VulnerabilityStatus;
  VulnerabilityType: VulnerabilityType;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AffectedImage: HssVulAffectImage;
  AffectedImageConnection: AffectedImagePage;
  AffectedImageEdge: AffectedImageEdgeModel;
  AffectedSoftware: HssVulAffectImageApp;
  AffectedSoftwareLocation: HssVulAffectAppPath;
  BaselineCheck: BaselineCheckModel;
  BaselineRule: HssImageRiskConfigRule;
  Boolean: Scalars['Boolean']['output'];
  CicdImage: CicdImageModel;
  CicdImageConnection: CicdImagePage;
  CicdImageEdge: CicdImageEdgeModel;
  CicdImageFilter: CicdImageFilter;
  ContainerImage: ContainerImageModel;
  ContainerImageConnection: ContainerImagePage;
  ContainerImageEdge: ContainerImageEdgeModel;
  ContainerImageFilter: ContainerImageFilter;
  Cve: CveModel;
  DateTime: Scalars['DateTime']['output'];
  FileStatistics: FileStatistics;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Image: ResolversInterfaceTypes<ResolversParentTypes>['Image'];
  ImageApp: ImageAppModel;
  ImageAppConnection: ImageAppPage;
  ImageAppEdge: ImageAppEdgeModel;
  ImageAppsFilter: ImageAppsFilter;
  ImageRefInput: ImageRefInput;
  ImageScan: ImageScanModel;
  ImageScanTask: HssImageScanTask;
  ImageScanTaskConnection: ImageScanTaskPage;
  ImageScanTaskEdge: ImageScanTaskEdgeModel;
  ImageScanTaskFilter: ImageScanTaskFilter;
  ImageSoftwareFilter: ImageSoftwareFilter;
  ImageVulnerability: HssImageVulnerability;
  ImageVulnerabilityConnection: ImageVulnerabilityPage;
  ImageVulnerabilityEdge: ImageVulnerabilityEdgeModel;
  ImageVulnerabilityFilter: ImageVulnerabilityFilter;
  Int: Scalars['Int']['output'];
  LocalImage: LocalImageModel;
  LocalImageConnection: LocalImagePage;
  LocalImageEdge: LocalImageEdgeModel;
  LocalImageFilter: LocalImageFilter;
  LocalImageHost: LocalImageHostModel;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  ProductImage: ProductImageModel;
  ProductImageConnection: ProductImagePage;
  ProductImageEdge: ProductImageEdgeModel;
  ProductImageFilter: ProductImageFilter;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  ScanImagesFilter: ScanImagesFilter;
  ScanImagesInput: ScanImagesInput;
  ScanImagesPayload: ScanImagesPayload;
  ScanTaskFailedImage: HssScanTaskFailedImage;
  ScanTaskFilter: ScanTaskFilter;
  ScanTaskImageInput: ScanTaskImageInput;
  SharedRepository: SharedRepositoryModel;
  SharedRepositoryConnection: SharedRepositoryPage;
  SharedRepositoryEdge: SharedRepositoryEdgeModel;
  SharedRepositoryFilter: SharedRepositoryFilter;
  StartImageScanTaskInput: StartImageScanTaskInput;
  StartImageScanTaskPayload: Omit<StartImageScanTaskPayload, 'task'> & { task?: Maybe<ResolversParentTypes['ImageScanTask']> };
  String: Scalars['String']['output'];
  UpstreamQuota: UpstreamQuotaModel;
  Vulnerability: VulnerabilityModel;
  VulnerabilityConnection: VulnerabilityPage;
  VulnerabilityEdge: VulnerabilityEdgeModel;
  VulnerabilityFilter: VulnerabilityFilter;
};

export type AffectedImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AffectedImage'] = ResolversParentTypes['AffectedImage']> = {
  containerCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  firstScannedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['ContainerImage']>, ParentType, ContextType>;
  imageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastScannedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  namespace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['VulnerabilitySeverity']>, ParentType, ContextType>;
  tag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AffectedImageConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AffectedImageConnection'] = ResolversParentTypes['AffectedImageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AffectedImageEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AffectedImage']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AffectedImageEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AffectedImageEdge'] = ResolversParentTypes['AffectedImageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AffectedImage'], ParentType, ContextType>;
};

export type AffectedSoftwareResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AffectedSoftware'] = ResolversParentTypes['AffectedSoftware']> = {
  locations?: Resolver<Array<ResolversTypes['AffectedSoftwareLocation']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AffectedSoftwareLocationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AffectedSoftwareLocation'] = ResolversParentTypes['AffectedSoftwareLocation']> = {
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['VulnerabilityStatus']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BaselineCheckResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BaselineCheck'] = ResolversParentTypes['BaselineCheck']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  failedRuleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedRules?: Resolver<Maybe<Array<ResolversTypes['BaselineRule']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ruleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['BaselineSeverity']>, ParentType, ContextType>;
  standard?: Resolver<Maybe<ResolversTypes['BaselineStandard']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BaselineRuleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BaselineRule'] = ResolversParentTypes['BaselineRule']> = {
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['BaselineRuleResult']>, ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['BaselineSeverity']>, ParentType, ContextType>;
};

export type BaselineRuleResultResolvers = EnumResolverSignature<{ FAILED?: any, PASS?: any }, ResolversTypes['BaselineRuleResult']>;

export type BaselineSeverityResolvers = EnumResolverSignature<{ CRITICAL?: any, HIGH?: any, LOW?: any, MEDIUM?: any, SECURE?: any }, ResolversTypes['BaselineSeverity']>;

export type BaselineStandardResolvers = EnumResolverSignature<{ CN?: any, HUAWEI?: any }, ResolversTypes['BaselineStandard']>;

export type CicdImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CicdImage'] = ResolversParentTypes['CicdImage']> = {
  apps?: Resolver<Maybe<ResolversTypes['ImageAppConnection']>, ParentType, ContextType, RequireFields<CicdImageAppsArgs, 'first'>>;
  digest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fileStatistics?: Resolver<Maybe<ResolversTypes['FileStatistics']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImageKind'], ParentType, ContextType>;
  latestVersion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  namespace?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pipelineName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pipelineType?: Resolver<Maybe<ResolversTypes['PipelineType']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registryName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registryType?: Resolver<Maybe<ResolversTypes['ContainerImageType']>, ParentType, ContextType>;
  scan?: Resolver<ResolversTypes['ImageScan'], ParentType, ContextType>;
  sizeBytes?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  tag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CicdImageConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CicdImageConnection'] = ResolversParentTypes['CicdImageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CicdImageEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['CicdImage']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CicdImageEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CicdImageEdge'] = ResolversParentTypes['CicdImageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CicdImage'], ParentType, ContextType>;
};

export type ContainerImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerImage'] = ResolversParentTypes['ContainerImage']> = {
  apps?: Resolver<Maybe<ResolversTypes['ImageAppConnection']>, ParentType, ContextType, RequireFields<ContainerImageAppsArgs, 'first'>>;
  baselineChecks?: Resolver<Maybe<Array<ResolversTypes['BaselineCheck']>>, ParentType, ContextType, Partial<ContainerImageBaselineChecksArgs>>;
  digest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fileStatistics?: Resolver<Maybe<ResolversTypes['FileStatistics']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImageKind'], ParentType, ContextType>;
  latestVersion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  multiArch?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  namespace?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerDomain?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registryName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scan?: Resolver<ResolversTypes['ImageScan'], ParentType, ContextType>;
  sharedRepository?: Resolver<Maybe<ResolversTypes['SharedRepository']>, ParentType, ContextType>;
  sizeBytes?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ContainerImageType'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  vulnerabilities?: Resolver<Maybe<ResolversTypes['ImageVulnerabilityConnection']>, ParentType, ContextType, RequireFields<ContainerImageVulnerabilitiesArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ContainerImageConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerImageConnection'] = ResolversParentTypes['ContainerImageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContainerImageEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ContainerImage']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContainerImageEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerImageEdge'] = ResolversParentTypes['ContainerImageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ContainerImage'], ParentType, ContextType>;
};

export type ContainerImageTypeResolvers = EnumResolverSignature<{ ENTERPRISE?: any, HARBOR?: any, JFROG?: any, PRIVATE?: any, SHARED?: any }, ResolversTypes['ContainerImageType']>;

export type CveResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Cve'] = ResolversParentTypes['Cve']> = {
  cvssScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FileStatisticsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['FileStatistics'] = ResolversParentTypes['FileStatistics']> = {
  fileCount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  totalSizeBytes?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
};

export type ImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Image'] = ResolversParentTypes['Image']> = {
  __resolveType: TypeResolveFn<'CicdImage' | 'ContainerImage' | 'LocalImage', ParentType, ContextType>;
};

export type ImageAppResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageApp'] = ResolversParentTypes['ImageApp']> = {
  compliant?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['Image']>, ParentType, ContextType>;
  lastScannedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  layerDigest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vulnerabilities?: Resolver<Maybe<Array<ResolversTypes['ImageVulnerability']>>, ParentType, ContextType>;
  vulnerabilityCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ImageAppConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageAppConnection'] = ResolversParentTypes['ImageAppConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ImageAppEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ImageApp']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImageAppEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageAppEdge'] = ResolversParentTypes['ImageAppEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ImageApp'], ParentType, ContextType>;
};

export type ImageKindResolvers = EnumResolverSignature<{ CICD?: any, LOCAL?: any, REGISTRY?: any }, ResolversTypes['ImageKind']>;

export type ImageScanResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageScan'] = ResolversParentTypes['ImageScan']> = {
  failureCode?: Resolver<Maybe<ResolversTypes['ScanFailureCode']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastScannedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  maliciousFileCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scannable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['Severity']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ScanStatus'], ParentType, ContextType>;
  unsafeSettingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vulnerabilityCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImageScanTaskResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageScanTask'] = ResolversParentTypes['ImageScanTask']> = {
  all?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  failedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedImages?: Resolver<Array<ResolversTypes['ScanTaskFailedImage']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imagesPerHour?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['ScanTaskKind']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  progressPercent?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  remainingMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  riskyCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scope?: Resolver<Array<ResolversTypes['ScanScope']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ScanTaskState'], ParentType, ContextType>;
  succeededCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImageScanTaskConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageScanTaskConnection'] = ResolversParentTypes['ImageScanTaskConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ImageScanTaskEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ImageScanTask']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImageScanTaskEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageScanTaskEdge'] = ResolversParentTypes['ImageScanTaskEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ImageScanTask'], ParentType, ContextType>;
};

export type ImageVulnerabilityResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVulnerability'] = ResolversParentTypes['ImageVulnerability']> = {
  cves?: Resolver<Maybe<Array<ResolversTypes['Cve']>>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  layerDigest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  maxCvssScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  repairNecessity?: Resolver<Maybe<ResolversTypes['RepairNecessity']>, ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['VulnerabilitySeverity']>, ParentType, ContextType>;
  softwareName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  softwarePath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  softwareVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  solution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ImageVulnerabilityConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVulnerabilityConnection'] = ResolversParentTypes['ImageVulnerabilityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ImageVulnerabilityEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ImageVulnerability']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImageVulnerabilityEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageVulnerabilityEdge'] = ResolversParentTypes['ImageVulnerabilityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ImageVulnerability'], ParentType, ContextType>;
};

export type LocalImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LocalImage'] = ResolversParentTypes['LocalImage']> = {
  apps?: Resolver<Maybe<ResolversTypes['ImageAppConnection']>, ParentType, ContextType, RequireFields<LocalImageAppsArgs, 'first'>>;
  componentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  containerCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  digest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  host?: Resolver<Maybe<ResolversTypes['LocalImageHost']>, ParentType, ContextType>;
  hostCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImageKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scan?: Resolver<ResolversTypes['ImageScan'], ParentType, ContextType>;
  sizeBytes?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['LocalImageSource']>, ParentType, ContextType>;
  tag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LocalImageConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LocalImageConnection'] = ResolversParentTypes['LocalImageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LocalImageEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['LocalImage']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LocalImageEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LocalImageEdge'] = ResolversParentTypes['LocalImageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LocalImage'], ParentType, ContextType>;
};

export type LocalImageHostResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LocalImageHost'] = ResolversParentTypes['LocalImageHost']> = {
  agentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LocalImageSourceResolvers = EnumResolverSignature<{ OTHER?: any, SWR?: any }, ResolversTypes['LocalImageSource']>;

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  scanImages?: Resolver<ResolversTypes['ScanImagesPayload'], ParentType, ContextType, RequireFields<MutationScanImagesArgs, 'input'>>;
  startImageScanTask?: Resolver<ResolversTypes['StartImageScanTaskPayload'], ParentType, ContextType, RequireFields<MutationStartImageScanTaskArgs, 'input'>>;
};

export type NodeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'CicdImage' | 'ContainerImage' | 'LocalImage' | 'ProductImage' | 'SharedRepository', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PipelineTypeResolvers = EnumResolverSignature<{ CODEARTS?: any, JENKINS?: any }, ResolversTypes['PipelineType']>;

export type ProductImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductImage'] = ResolversParentTypes['ProductImage']> = {
  architecture?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  diskFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minDiskGb?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minRamMb?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  osType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  osVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  productCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ProductImageType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductImageConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductImageConnection'] = ResolversParentTypes['ProductImageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductImageEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ProductImage']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductImageEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductImageEdge'] = ResolversParentTypes['ProductImageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProductImage'], ParentType, ContextType>;
};

export type ProductImageTypeResolvers = EnumResolverSignature<{ GOLD?: any, PRIVATE?: any }, ResolversTypes['ProductImageType']>;

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  cicdImage?: Resolver<Maybe<ResolversTypes['CicdImage']>, ParentType, ContextType, RequireFields<QueryCicdImageArgs, 'id'>>;
  cicdImages?: Resolver<ResolversTypes['CicdImageConnection'], ParentType, ContextType, RequireFields<QueryCicdImagesArgs, 'first'>>;
  containerImage?: Resolver<Maybe<ResolversTypes['ContainerImage']>, ParentType, ContextType, Partial<QueryContainerImageArgs>>;
  containerImages?: Resolver<ResolversTypes['ContainerImageConnection'], ParentType, ContextType, RequireFields<QueryContainerImagesArgs, 'first'>>;
  imageScanTasks?: Resolver<ResolversTypes['ImageScanTaskConnection'], ParentType, ContextType, RequireFields<QueryImageScanTasksArgs, 'first'>>;
  imageSoftware?: Resolver<ResolversTypes['ImageAppConnection'], ParentType, ContextType, RequireFields<QueryImageSoftwareArgs, 'first'>>;
  localImage?: Resolver<Maybe<ResolversTypes['LocalImage']>, ParentType, ContextType, RequireFields<QueryLocalImageArgs, 'id'>>;
  localImages?: Resolver<ResolversTypes['LocalImageConnection'], ParentType, ContextType, RequireFields<QueryLocalImagesArgs, 'first'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  productImages?: Resolver<ResolversTypes['ProductImageConnection'], ParentType, ContextType, RequireFields<QueryProductImagesArgs, 'first'>>;
  sharedRepositories?: Resolver<ResolversTypes['SharedRepositoryConnection'], ParentType, ContextType, RequireFields<QuerySharedRepositoriesArgs, 'center' | 'first'>>;
  upstreamQuota?: Resolver<Array<ResolversTypes['UpstreamQuota']>, ParentType, ContextType>;
  vulnerabilities?: Resolver<ResolversTypes['VulnerabilityConnection'], ParentType, ContextType, RequireFields<QueryVulnerabilitiesArgs, 'filter' | 'first'>>;
};

export type RepairNecessityResolvers = EnumResolverSignature<{ DELAYED?: any, IMMEDIATE?: any, NOT_NEEDED?: any }, ResolversTypes['RepairNecessity']>;

export type RepositoryCategoryResolvers = EnumResolverSignature<{ APP_SERVER?: any, ARM?: any, DATABASE?: any, FRAMEWORK_APP?: any, LANG?: any, LINUX?: any, OTHER?: any, WINDOWS?: any }, ResolversTypes['RepositoryCategory']>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type ScanFailureCodeResolvers = EnumResolverSignature<{ ACCESS_SWR_FAILED?: any, AUTHENTICATION_FAILED?: any, DATABASE_ERROR?: any, DOWNLOAD_FAILED?: any, FAILED_TO_CHECK_BASELINE?: any, FAILED_TO_CHECK_BUILD_CMD?: any, FAILED_TO_CHECK_SENSITIVE_INFORMATION?: any, FAILED_TO_CHECK_SOFTWARE_COMPLIANCE?: any, FAILED_TO_QUERY_BASIC_IMAGE_INFORMATION?: any, FAILED_TO_SCAN_FILE?: any, FAILED_TO_SCAN_SOFTWARE?: any, FAILED_TO_SCAN_VULNERABILITY?: any, FAILED_TO_SEND_THE_SCAN_REQUEST?: any, GET_DETAIL_INFO_NOT_FOUND?: any, IMAGE_LAYER_OVER_SIZED?: any, IMAGE_OVER_SIZED?: any, RESPONSE_TIMED_OUT?: any, SCHEMA_V1_NOT_SUPPORT?: any, SWR_AUTHENTICATION_ERROR?: any, UNKNOWN_ERROR?: any }, ResolversTypes['ScanFailureCode']>;

export type ScanImagesPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ScanImagesPayload'] = ResolversParentTypes['ScanImagesPayload']> = {
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  all?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  imageType?: Resolver<ResolversTypes['ContainerImageType'], ParentType, ContextType>;
  requestedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ScanScopeResolvers = EnumResolverSignature<{ BASELINE?: any, MALICIOUS_FILES?: any, SENSITIVE_INFORMATION?: any, SOFTWARE_COMPLIANCE?: any, VULNERABILITIES?: any }, ResolversTypes['ScanScope']>;

export type ScanStatusResolvers = EnumResolverSignature<{ DOWNLOAD_FAILED?: any, FAILED?: any, IMAGE_OVERSIZED?: any, SCANNING?: any, SUCCESS?: any, UNSCANNED?: any, WAITING_FOR_SCAN?: any }, ResolversTypes['ScanStatus']>;

export type ScanTaskFailedImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ScanTaskFailedImage'] = ResolversParentTypes['ScanTaskFailedImage']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  namespace?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registryType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ScanTaskKindResolvers = EnumResolverSignature<{ AUTO_SYNC?: any, MANUAL?: any, MANUAL_SYNC?: any, PERIODIC?: any }, ResolversTypes['ScanTaskKind']>;

export type SeverityResolvers = EnumResolverSignature<{ HIGH?: any, LOW?: any, MEDIUM?: any, SECURE?: any }, ResolversTypes['Severity']>;

export type ShareCenterResolvers = EnumResolverSignature<{ SELF?: any, THIRDPARTY?: any }, ResolversTypes['ShareCenter']>;

export type SharedRepositoryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SharedRepository'] = ResolversParentTypes['SharedRepository']> = {
  category?: Resolver<Maybe<ResolversTypes['RepositoryCategory']>, ParentType, ContextType>;
  center?: Resolver<ResolversTypes['ShareCenter'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadCount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Maybe<ResolversTypes['ContainerImageConnection']>, ParentType, ContextType, RequireFields<SharedRepositoryImagesArgs, 'first'>>;
  internalPullPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isPublic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  namespace?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerDomain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pullPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shareValid?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  tagCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SharedRepositoryConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SharedRepositoryConnection'] = ResolversParentTypes['SharedRepositoryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SharedRepositoryEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['SharedRepository']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SharedRepositoryEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SharedRepositoryEdge'] = ResolversParentTypes['SharedRepositoryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SharedRepository'], ParentType, ContextType>;
};

export type StartImageScanTaskPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StartImageScanTaskPayload'] = ResolversParentTypes['StartImageScanTaskPayload']> = {
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  task?: Resolver<Maybe<ResolversTypes['ImageScanTask']>, ParentType, ContextType>;
};

export type UpstreamQuotaResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpstreamQuota'] = ResolversParentTypes['UpstreamQuota']> = {
  api?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextSlotInMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestQueuedMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pausedForMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remaining?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  used?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  windowMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VulnerabilityResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Vulnerability'] = ResolversParentTypes['Vulnerability']> = {
  affectedImageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  affectedImages?: Resolver<Maybe<ResolversTypes['AffectedImageConnection']>, ParentType, ContextType, RequireFields<VulnerabilityAffectedImagesArgs, 'first'>>;
  affectedSoftware?: Resolver<Maybe<Array<ResolversTypes['AffectedSoftware']>>, ParentType, ContextType, RequireFields<VulnerabilityAffectedSoftwareArgs, 'image'>>;
  cves?: Resolver<Maybe<Array<ResolversTypes['Cve']>>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lastScannedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  maxCvssScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['VulnerabilitySeverity']>, ParentType, ContextType>;
  solution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['VulnerabilityType']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type VulnerabilityConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VulnerabilityConnection'] = ResolversParentTypes['VulnerabilityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['VulnerabilityEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Vulnerability']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VulnerabilityEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VulnerabilityEdge'] = ResolversParentTypes['VulnerabilityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Vulnerability'], ParentType, ContextType>;
};

export type VulnerabilityHandleStatusResolvers = EnumResolverSignature<{ HANDLED?: any, UNHANDLED?: any }, ResolversTypes['VulnerabilityHandleStatus']>;

export type VulnerabilityImageScopeResolvers = EnumResolverSignature<{ CICD?: any, CLUSTER?: any, LOCAL?: any, REGISTRY?: any }, ResolversTypes['VulnerabilityImageScope']>;

export type VulnerabilitySeverityResolvers = EnumResolverSignature<{ CRITICAL?: any, HIGH?: any, LOW?: any, MEDIUM?: any }, ResolversTypes['VulnerabilitySeverity']>;

export type VulnerabilityStatusResolvers = EnumResolverSignature<{ IGNORED?: any, UNFIXED?: any }, ResolversTypes['VulnerabilityStatus']>;

export type VulnerabilityTypeResolvers = EnumResolverSignature<{ APPLICATION?: any, LINUX?: any }, ResolversTypes['VulnerabilityType']>;

export type Resolvers<ContextType = GatewayContext> = {
  AffectedImage?: AffectedImageResolvers<ContextType>;
  AffectedImageConnection?: AffectedImageConnectionResolvers<ContextType>;
  AffectedImageEdge?: AffectedImageEdgeResolvers<ContextType>;
  AffectedSoftware?: AffectedSoftwareResolvers<ContextType>;
  AffectedSoftwareLocation?: AffectedSoftwareLocationResolvers<ContextType>;
  BaselineCheck?: BaselineCheckResolvers<ContextType>;
  BaselineRule?: BaselineRuleResolvers<ContextType>;
  BaselineRuleResult?: BaselineRuleResultResolvers;
  BaselineSeverity?: BaselineSeverityResolvers;
  BaselineStandard?: BaselineStandardResolvers;
  CicdImage?: CicdImageResolvers<ContextType>;
  CicdImageConnection?: CicdImageConnectionResolvers<ContextType>;
  CicdImageEdge?: CicdImageEdgeResolvers<ContextType>;
  ContainerImage?: ContainerImageResolvers<ContextType>;
  ContainerImageConnection?: ContainerImageConnectionResolvers<ContextType>;
  ContainerImageEdge?: ContainerImageEdgeResolvers<ContextType>;
  ContainerImageType?: ContainerImageTypeResolvers;
  Cve?: CveResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FileStatistics?: FileStatisticsResolvers<ContextType>;
  Image?: ImageResolvers<ContextType>;
  ImageApp?: ImageAppResolvers<ContextType>;
  ImageAppConnection?: ImageAppConnectionResolvers<ContextType>;
  ImageAppEdge?: ImageAppEdgeResolvers<ContextType>;
  ImageKind?: ImageKindResolvers;
  ImageScan?: ImageScanResolvers<ContextType>;
  ImageScanTask?: ImageScanTaskResolvers<ContextType>;
  ImageScanTaskConnection?: ImageScanTaskConnectionResolvers<ContextType>;
  ImageScanTaskEdge?: ImageScanTaskEdgeResolvers<ContextType>;
  ImageVulnerability?: ImageVulnerabilityResolvers<ContextType>;
  ImageVulnerabilityConnection?: ImageVulnerabilityConnectionResolvers<ContextType>;
  ImageVulnerabilityEdge?: ImageVulnerabilityEdgeResolvers<ContextType>;
  LocalImage?: LocalImageResolvers<ContextType>;
  LocalImageConnection?: LocalImageConnectionResolvers<ContextType>;
  LocalImageEdge?: LocalImageEdgeResolvers<ContextType>;
  LocalImageHost?: LocalImageHostResolvers<ContextType>;
  LocalImageSource?: LocalImageSourceResolvers;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PipelineType?: PipelineTypeResolvers;
  ProductImage?: ProductImageResolvers<ContextType>;
  ProductImageConnection?: ProductImageConnectionResolvers<ContextType>;
  ProductImageEdge?: ProductImageEdgeResolvers<ContextType>;
  ProductImageType?: ProductImageTypeResolvers;
  Query?: QueryResolvers<ContextType>;
  RepairNecessity?: RepairNecessityResolvers;
  RepositoryCategory?: RepositoryCategoryResolvers;
  SafeInt?: GraphQLScalarType;
  ScanFailureCode?: ScanFailureCodeResolvers;
  ScanImagesPayload?: ScanImagesPayloadResolvers<ContextType>;
  ScanScope?: ScanScopeResolvers;
  ScanStatus?: ScanStatusResolvers;
  ScanTaskFailedImage?: ScanTaskFailedImageResolvers<ContextType>;
  ScanTaskKind?: ScanTaskKindResolvers;
  Severity?: SeverityResolvers;
  ShareCenter?: ShareCenterResolvers;
  SharedRepository?: SharedRepositoryResolvers<ContextType>;
  SharedRepositoryConnection?: SharedRepositoryConnectionResolvers<ContextType>;
  SharedRepositoryEdge?: SharedRepositoryEdgeResolvers<ContextType>;
  StartImageScanTaskPayload?: StartImageScanTaskPayloadResolvers<ContextType>;
  UpstreamQuota?: UpstreamQuotaResolvers<ContextType>;
  Vulnerability?: VulnerabilityResolvers<ContextType>;
  VulnerabilityConnection?: VulnerabilityConnectionResolvers<ContextType>;
  VulnerabilityEdge?: VulnerabilityEdgeResolvers<ContextType>;
  VulnerabilityHandleStatus?: VulnerabilityHandleStatusResolvers;
  VulnerabilityImageScope?: VulnerabilityImageScopeResolvers;
  VulnerabilitySeverity?: VulnerabilitySeverityResolvers;
  VulnerabilityStatus?: VulnerabilityStatusResolvers;
  VulnerabilityType?: VulnerabilityTypeResolvers;
};

