/** Workspace product images: a few dozen gold (public) and private desktop images, fixed per seed. */
import type { WorkspaceImageInfo } from '../../upstream/workspace/types';
import { rngFor, SALT, uuidFor } from './prng';
import { DATA_EPOCH_MS } from './repositories';
import { microsecondUtc } from './time';

/** A product image plus the attributes only filters see (`platform`, `package_type`). */
export interface ProductImageRecord {
  info: WorkspaceImageInfo;
  platform: string;
  packageType: string;
}

interface Template {
  osType: WorkspaceImageInfo['os_type'];
  platform: string;
  osVersion: string;
  architecture: WorkspaceImageInfo['architecture'];
  code: string;
}

const TEMPLATES: readonly Template[] = [
  {
    osType: 'Windows',
    platform: 'Windows',
    osVersion: 'Windows Server 2016 Datacenter 64bit',
    architecture: 'x86',
    code: 'win2016',
  },
  {
    osType: 'Windows',
    platform: 'Windows',
    osVersion: 'Windows Server 2019 Datacenter 64bit',
    architecture: 'x86',
    code: 'win2019',
  },
  {
    osType: 'Windows',
    platform: 'Windows',
    osVersion: 'Windows Server 2022 Datacenter 64bit',
    architecture: 'x86',
    code: 'win2022',
  },
  {
    osType: 'Windows',
    platform: 'Windows',
    osVersion: 'Windows 10 Enterprise 22H2 64bit',
    architecture: 'x86',
    code: 'win10',
  },
  {
    osType: 'Windows',
    platform: 'Windows',
    osVersion: 'Windows 11 Enterprise 23H2 64bit',
    architecture: 'x86',
    code: 'win11',
  },
  {
    osType: 'Linux',
    platform: 'Ubuntu',
    osVersion: 'Ubuntu 20.04 64bit',
    architecture: 'x86',
    code: 'ubuntu2004',
  },
  {
    osType: 'Linux',
    platform: 'Ubuntu',
    osVersion: 'Ubuntu 22.04 64bit',
    architecture: 'x86',
    code: 'ubuntu2204',
  },
  {
    osType: 'Linux',
    platform: 'UOS',
    osVersion: 'UnionTech OS Desktop 20 Pro 64bit',
    architecture: 'x86',
    code: 'uos20',
  },
  {
    osType: 'Linux',
    platform: 'UOS',
    osVersion: 'UnionTech OS Desktop 20 Pro 64bit',
    architecture: 'arm',
    code: 'uos20',
  },
  {
    osType: 'Linux',
    platform: 'Kylin',
    osVersion: 'Kylin Desktop V10 SP1 64bit',
    architecture: 'arm',
    code: 'kylinv10',
  },
  {
    osType: 'Linux',
    platform: 'EulerOS',
    osVersion: 'EulerOS 2.5 64bit',
    architecture: 'x86',
    code: 'euler25',
  },
  {
    osType: 'Linux',
    platform: 'CentOS',
    osVersion: 'CentOS 7.9 64bit',
    architecture: 'x86',
    code: 'centos79',
  },
  {
    osType: 'Other',
    platform: 'Other',
    osVersion: 'Other Linux (64 bit)',
    architecture: 'arm',
    code: 'other',
  },
];

const PACKAGE_TYPES = ['general', 'office', 'developer', 'gpu'] as const;
const DISK_FORMATS: readonly WorkspaceImageInfo['disk_format'][] = ['zvhd2', 'qcow2', 'vhd', 'raw'];
const DAY_MS = 86_400_000;

export function buildProductImages(seed: number): ProductImageRecord[] {
  const records: ProductImageRecord[] = [];
  const goldCount = 2 * TEMPLATES.length;
  const total = goldCount + 12;
  for (let n = 0; n < total; n++) {
    const rng = rngFor(seed, SALT.productImage, n);
    const gold = n < goldCount;
    const template = gold ? (TEMPLATES[n % TEMPLATES.length] as Template) : rng.pick(TEMPLATES);
    const packageType = gold
      ? (PACKAGE_TYPES[Math.floor(n / TEMPLATES.length) % 2] as string)
      : rng.pick(PACKAGE_TYPES);
    const createdAt = DATA_EPOCH_MS - rng.int(1, 900) * DAY_MS - rng.int(0, DAY_MS);
    const name = gold
      ? `Workspace_${template.code}_${packageType}_${template.architecture}`
      : `${template.code}-custom-${rng.int(100, 999)}`;
    records.push({
      info: {
        id: uuidFor(seed, SALT.productImage, n),
        image_type: gold ? 'gold' : 'private',
        os_type: template.osType,
        architecture: template.architecture,
        os_version: template.osVersion,
        disk_format: gold ? 'zvhd2' : rng.pick(DISK_FORMATS),
        name,
        min_ram: 0,
        min_disk: rng.pick([40, 60, 80, 100, 120, 200]),
        product_code: gold ? `workspace.${template.architecture}.${template.code}.${packageType}` : '',
        created_at: microsecondUtc(createdAt, rng.int(0, 999)),
        kms_id: !gold && rng.chance(0.4) ? uuidFor(seed, SALT.productImage, n + 10_000) : '',
      },
      platform: template.platform,
      packageType,
    });
  }
  return records;
}
