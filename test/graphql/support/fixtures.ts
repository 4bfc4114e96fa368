/** In-memory upstream records, built like the real APIs answer them. */
import type {
  HssGlobalImageApp,
  HssImageApp,
  HssRegistryImage,
  HssRegistryImageType,
  HssRegistryKind,
} from '../../../src/upstream/hss/types';
import type { SwrSharedRepository } from '../../../src/upstream/swr/types';
import type { WorkspaceImageInfo } from '../../../src/upstream/workspace/types';

const KIND_OF_TYPE: Record<HssRegistryImageType, HssRegistryKind> = {
  private_image: 'SwrPrivate',
  shared_image: 'SwrShared',
  instance_image: 'SwrEnterprise',
  harbor: 'Harbor',
  jfrog: 'Jfrog',
};

let sequence = 0;

export function makeImage(overrides: Partial<HssRegistryImage> = {}): HssRegistryImage {
  sequence += 1;
  const type = overrides.image_type ?? 'private_image';
  return {
    id: sequence,
    namespace: 'team-a',
    image_name: 'api',
    image_id: `sha256:${sequence.toString(16).padStart(64, '0')}`,
    image_digest: `sha256:${(sequence + 1_000_000).toString(16).padStart(64, '0')}`,
    image_version: `1.0.${sequence}`,
    image_type: type,
    registry_id: 'reg-1',
    registry_name: 'swr-cn-north-4',
    registry_type: KIND_OF_TYPE[type],
    latest_version: false,
    scan_status: 'success',
    scan_failed_desc: '',
    scan_failed_code: '',
    image_size: 3_000_000_000,
    latest_update_time: 1_700_000_000_000,
    latest_scan_time: 1_700_000_100_000,
    latest_sync_time: 1_700_000_050_000,
    vul_num: 3,
    unsafe_setting_num: 1,
    malicious_file_num: 0,
    domain_name: type === 'shared_image' ? 'other-account' : '',
    shared_status: type === 'shared_image' ? 'effective' : '',
    scannable: true,
    is_multiple_arch: false,
    instance_name: '',
    instance_id: '',
    instance_url: '',
    severity_level: 'Medium',
    association_images: [],
    ...overrides,
  };
}

/** `count` tags of one repository. */
export function makeRepositoryImages(
  count: number,
  base: Partial<HssRegistryImage> = {},
): HssRegistryImage[] {
  return Array.from({ length: count }, (_, index) => makeImage({ ...base, image_version: `v${index + 1}` }));
}

export function makeApps(count: number, prefix = 'pkg'): HssImageApp[] {
  return Array.from({ length: count }, (_, index) => ({
    app_name: `${prefix}-${index + 1}`,
    app_type: 'RPM',
    app_version: `1.${index}`,
    vul_num: index % 3,
  }));
}

export function makeGlobalApp(
  image: HssRegistryImage,
  overrides: Partial<HssGlobalImageApp> = {},
): HssGlobalImageApp {
  return {
    app_name: 'openssl',
    app_type: 'RPM',
    app_version: '1.1.1k',
    vul_num: 2,
    app_path: '/usr/lib64',
    layer_digest: 'sha256:layer',
    is_compliant: false,
    latest_scan_time: image.latest_scan_time,
    image_type: image.registry_type,
    namespace: image.namespace,
    image_name: image.image_name,
    image_version: image.image_version,
    image_id: image.image_id,
    ...overrides,
  };
}

export function makeRepo(overrides: Partial<SwrSharedRepository> = {}): SwrSharedRepository {
  const namespace = overrides.namespace ?? 'team-a';
  const name = overrides.name ?? 'api';
  return {
    name,
    category: 'app_server',
    description: 'The API server',
    size: 5_000_000_000,
    is_public: false,
    num_images: overrides.tags?.length ?? 2,
    num_download: 3_000_000_000,
    created_at: '2021-06-02T09:23:01.751202Z',
    updated_at: '2024-01-05T10:00:00.000001Z',
    logo: '',
    url: '',
    path: `swr.cn-north-4.myhuaweicloud.com/${namespace}/${name}`,
    internal_path: `10.0.0.1:20202/${namespace}/${name}`,
    domain_name: 'owner-account',
    namespace,
    tags: ['v1', 'v2'],
    status: true,
    total_range: 0,
    ...overrides,
  };
}

export function makeProductImage(overrides: Partial<WorkspaceImageInfo> = {}): WorkspaceImageInfo {
  sequence += 1;
  return {
    id: `0b8d6a2c-1f0e-4c55-9a3b-${sequence.toString().padStart(12, '0')}`,
    image_type: 'gold',
    os_type: 'Linux',
    architecture: 'x86',
    os_version: 'EulerOS 2.5 64bit',
    disk_format: 'zvhd2',
    name: `euler-${sequence}`,
    min_ram: 0,
    min_disk: 80,
    product_code: 'OFFI8630',
    created_at: '2023-03-01T08:00:00Z',
    kms_id: '',
    ...overrides,
  };
}
