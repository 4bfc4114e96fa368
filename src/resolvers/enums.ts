/**
 * GraphQL enum name → upstream wire value, for every enum. The schema uses these as the enums' internal
 * values, so resolvers return wire values unchanged and receive wire values as arguments. `Required<…>`
 * makes a value added to the SDL without a mapping a compile error.
 */
import type {
  ContainerImageTypeResolvers,
  ImageKindResolvers,
  ProductImageTypeResolvers,
  RepositoryCategoryResolvers,
  ScanFailureCodeResolvers,
  ScanScopeResolvers,
  ScanTaskKindResolvers,
  ScanStatusResolvers,
  SeverityResolvers,
  ShareCenterResolvers,
} from '../generated/graphql';
import { SCAN_SCOPE_BITS } from '../upstream/hss/scanTaskTypes';

export const ContainerImageType = {
  PRIVATE: 'private_image',
  SHARED: 'shared_image',
  ENTERPRISE: 'instance_image',
  HARBOR: 'harbor',
  JFROG: 'jfrog',
} as const satisfies Required<ContainerImageTypeResolvers>;

export const ScanStatus = {
  UNSCANNED: 'unscan',
  SUCCESS: 'success',
  SCANNING: 'scanning',
  FAILED: 'failed',
  DOWNLOAD_FAILED: 'download_failed',
  IMAGE_OVERSIZED: 'image_oversized',
  WAITING_FOR_SCAN: 'waiting_for_scan',
} as const satisfies Required<ScanStatusResolvers>;

export const Severity = {
  SECURE: 'Security',
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
} as const satisfies Required<SeverityResolvers>;

export const ScanFailureCode = {
  UNKNOWN_ERROR: 'unknown_error',
  AUTHENTICATION_FAILED: 'authentication_failed',
  DOWNLOAD_FAILED: 'download_failed',
  IMAGE_OVER_SIZED: 'image_over_sized',
  GET_DETAIL_INFO_NOT_FOUND: 'get_detail_info_not_found',
  IMAGE_LAYER_OVER_SIZED: 'image_layer_over_sized',
  SCHEMA_V1_NOT_SUPPORT: 'schema_v1_not_support',
  ACCESS_SWR_FAILED: 'access_swr_failed',
  SWR_AUTHENTICATION_ERROR: 'swr_authentication_error',
  FAILED_TO_SCAN_VULNERABILITY: 'failed_to_scan_vulnerability',
  FAILED_TO_SCAN_FILE: 'failed_to_scan_file',
  FAILED_TO_SCAN_SOFTWARE: 'failed_to_scan_software',
  FAILED_TO_CHECK_SENSITIVE_INFORMATION: 'failed_to_check_sensitive_information',
  FAILED_TO_CHECK_BASELINE: 'failed_to_check_baseline',
  FAILED_TO_CHECK_SOFTWARE_COMPLIANCE: 'failed_to_check_software_compliance',
  FAILED_TO_QUERY_BASIC_IMAGE_INFORMATION: 'failed_to_query_basic_image_information',
  FAILED_TO_CHECK_BUILD_CMD: 'failed_to_check_build_cmd',
  RESPONSE_TIMED_OUT: 'response_timed_out',
  DATABASE_ERROR: 'database_error',
  FAILED_TO_SEND_THE_SCAN_REQUEST: 'failed_to_send_the_scan_request',
} as const satisfies Required<ScanFailureCodeResolvers>;

export const ImageKind = {
  LOCAL: 'local',
  REGISTRY: 'registry',
  CICD: 'cicd',
} as const satisfies Required<ImageKindResolvers>;

export const ShareCenter = {
  SELF: 'self',
  THIRDPARTY: 'thirdparty',
} as const satisfies Required<ShareCenterResolvers>;

export const RepositoryCategory = {
  APP_SERVER: 'app_server',
  LINUX: 'linux',
  FRAMEWORK_APP: 'framework_app',
  DATABASE: 'database',
  LANG: 'lang',
  OTHER: 'other',
  WINDOWS: 'windows',
  ARM: 'arm',
} as const satisfies Required<RepositoryCategoryResolvers>;

export const ProductImageType = {
  GOLD: 'gold',
  PRIVATE: 'private',
} as const satisfies Required<ProductImageTypeResolvers>;

/** Each scope is a bit group of HSS `scan_scope`. */
export const ScanScope = {
  VULNERABILITIES: SCAN_SCOPE_BITS.vulnerabilities,
  BASELINE: SCAN_SCOPE_BITS.baseline,
  MALICIOUS_FILES: SCAN_SCOPE_BITS.maliciousFiles,
  SENSITIVE_INFORMATION: SCAN_SCOPE_BITS.sensitiveInformation,
  SOFTWARE_COMPLIANCE: SCAN_SCOPE_BITS.softwareCompliance,
} as const satisfies Required<ScanScopeResolvers>;

export const ScanTaskKind = {
  PERIODIC: 'cycle',
  MANUAL: 'manual',
  AUTO_SYNC: 'autoSync',
  MANUAL_SYNC: 'manualSync',
} as const satisfies Required<ScanTaskKindResolvers>;

export const enumResolvers = {
  ContainerImageType,
  ScanStatus,
  Severity,
  ScanFailureCode,
  ImageKind,
  ShareCenter,
  RepositoryCategory,
  ProductImageType,
  ScanScope,
  ScanTaskKind,
};
