/**
 * The repository table: which repositories exist, their names, types, tags and software stack.
 * It is the only part of the dataset built eagerly (one small record per repository, ~4 images each),
 * because every image needs its repository and exact-name lookups need a map.
 */
import type { HssRegistryImageType, HssRegistryKind } from '../../upstream/hss/types';
import type { SwrRepositoryCategory } from '../../upstream/swr/types';
import {
  ENTERPRISE_NAMESPACES,
  HARBOR_NAMESPACES,
  JFROG_NAMESPACES,
  OWN_NAMESPACES,
  PARTNER_NAMESPACES,
  REPOSITORY_NAMES,
  type OsFamily,
  type Stack,
} from './names';
import { hash32, rngFor, SALT, uuidFor, type Rng } from './prng';

export interface RegistryInfo {
  registryId: string;
  registryName: string;
  registryType: HssRegistryKind;
  instanceId: string;
  instanceName: string;
  instanceUrl: string;
}

export interface RepositoryRecord {
  index: number;
  type: HssRegistryImageType;
  namespace: string;
  name: string;
  /** Push order, oldest first; the last tag is the repository's `latest_version`. */
  tags: string[];
  /** Index of the repository's first image; its images are contiguous. */
  firstImage: number;
  os: OsFamily;
  stack: Stack;
  category: SwrRepositoryCategory;
  /** Account owning the repository (the partner for shared images, this account otherwise). */
  ownerDomain: string;
  /** For shared_image: whether the share is still valid. */
  shareValid: boolean;
  /** For private_image: whether this account shares it with others (SWR `center=self`). */
  sharedBySelf: boolean;
  registry: RegistryInfo;
  /** Epoch ms of the first push. */
  createdAt: number;
}

/** Generated times end here, so data does not depend on the wall clock. */
export const DATA_EPOCH_MS = Date.UTC(2025, 5, 1, 0, 0, 0);
const DAY_MS = 86_400_000;

const TYPE_WEIGHTS: readonly (readonly [HssRegistryImageType, number])[] = [
  ['private_image', 62],
  ['shared_image', 25],
  ['instance_image', 6],
  ['harbor', 4],
  ['jfrog', 3],
];

function registriesFor(seed: number, region: string): Record<HssRegistryImageType, RegistryInfo> {
  const none = { instanceId: '', instanceName: '', instanceUrl: '' };
  const enterpriseId = uuidFor(seed, SALT.registry, 3);
  return {
    private_image: {
      registryId: uuidFor(seed, SALT.registry, 1),
      registryName: 'SWR',
      registryType: 'SwrPrivate',
      ...none,
    },
    shared_image: {
      registryId: uuidFor(seed, SALT.registry, 2),
      registryName: 'SWR',
      registryType: 'SwrShared',
      ...none,
    },
    instance_image: {
      registryId: enterpriseId,
      registryName: 'swr-ee-prod',
      registryType: 'SwrEnterprise',
      instanceId: enterpriseId,
      instanceName: 'swr-ee-prod',
      instanceUrl: `swr-ee-prod.swr-ee.${region}.myhuaweicloud.com`,
    },
    harbor: {
      registryId: uuidFor(seed, SALT.registry, 4),
      registryName: 'harbor-dc1',
      registryType: 'Harbor',
      ...none,
    },
    jfrog: {
      registryId: uuidFor(seed, SALT.registry, 5),
      registryName: 'jfrog-artifactory',
      registryType: 'Jfrog',
      ...none,
    },
  };
}

function tagsFor(rng: Rng, count: number): string[] {
  const tags: string[] = [];
  const style = rng.int(0, 9);
  const prefix = style === 0 ? 'v' : '';
  const suffix = style === 1 ? '-alpine' : style === 2 ? '-jdk17' : '';
  let major = rng.int(0, 4);
  let minor = rng.int(0, 15);
  let patch = rng.int(0, 9);
  const withLatest = count > 1 && rng.chance(0.35);
  const versioned = withLatest ? count - 1 : count;
  for (let t = 0; t < versioned; t++) {
    tags.push(`${prefix}${major}.${minor}.${patch}${suffix}`);
    const step = rng.next();
    if (step < 0.6) patch += 1;
    else if (step < 0.92) {
      minor += 1;
      patch = 0;
    } else {
      major += 1;
      minor = 0;
      patch = 0;
    }
  }
  if (withLatest) tags.push('latest');
  return tags;
}

function namespaceFor(rng: Rng, type: HssRegistryImageType): { namespace: string; ownerDomain?: string } {
  switch (type) {
    case 'shared_image': {
      const partner = rng.pick(PARTNER_NAMESPACES);
      return { namespace: partner.namespace, ownerDomain: partner.domain };
    }
    case 'instance_image':
      return { namespace: rng.pick(ENTERPRISE_NAMESPACES) };
    case 'harbor':
      return { namespace: rng.pick(HARBOR_NAMESPACES) };
    case 'jfrog':
      return { namespace: rng.pick(JFROG_NAMESPACES) };
    default:
      return { namespace: rng.pick(OWN_NAMESPACES) };
  }
}

export interface RepositoryTable {
  repositories: RepositoryRecord[];
  /** `namespace/name` → repository index. Names are unique across all registries. */
  byQualifiedName: Map<string, number>;
}

/**
 * Repositories until their tags add up to exactly `imageCount` images (the last one is truncated).
 * Repository 0 is always `team-a/api` (private, shared by self), the reference example of the docs.
 */
export function buildRepositories(
  seed: number,
  imageCount: number,
  region: string,
  ownDomain: string,
): RepositoryTable {
  const registries = registriesFor(seed, region);
  const repositories: RepositoryRecord[] = [];
  const byQualifiedName = new Map<string, number>();
  let nextImage = 0;
  while (nextImage < imageCount) {
    const index = repositories.length;
    const rng = rngFor(seed, SALT.repository, index);
    const type = index === 0 ? 'private_image' : rng.weighted(TYPE_WEIGHTS);
    const spec =
      index === 0 ? (REPOSITORY_NAMES[0] as (typeof REPOSITORY_NAMES)[0]) : rng.pick(REPOSITORY_NAMES);
    const { namespace, ownerDomain } = index === 0 ? { namespace: 'team-a' } : namespaceFor(rng, type);
    let name = spec.name;
    for (let n = 2; byQualifiedName.has(`${namespace}/${name}`); n++) name = `${spec.name}-${n}`;
    const wanted =
      index === 0
        ? 4
        : rng.weighted<number>([
            [1, 14],
            [2, 16],
            [3, 18],
            [4, 16],
            [5, 12],
            [6, 10],
            [7, 8],
            [8, 6],
          ]);
    const tagCount = Math.min(wanted, imageCount - nextImage);
    const tags =
      index === 0
        ? ['1.4.0', '1.4.1', '1.4.2', 'latest'].slice(0, tagCount)
        : tagsFor(rngFor(seed, SALT.tags, index), tagCount);
    const os: OsFamily =
      spec.os ??
      rng.weighted<OsFamily>([
        ['rpm', 45],
        ['deb', 40],
        ['apk', 15],
      ]);
    repositories.push({
      index,
      type,
      namespace,
      name,
      tags,
      firstImage: nextImage,
      os,
      stack: spec.stack,
      category: spec.category,
      ownerDomain: ownerDomain ?? (type === 'harbor' || type === 'jfrog' ? '' : ownDomain),
      shareValid: type === 'shared_image' && hash32(seed, SALT.repository, index, 7) % 10 !== 0,
      sharedBySelf:
        type === 'private_image' && (index === 0 || hash32(seed, SALT.repository, index, 8) % 4 === 0),
      registry: registries[type],
      createdAt: DATA_EPOCH_MS - rng.int(30, 420) * DAY_MS - rng.int(0, DAY_MS - 1),
    });
    byQualifiedName.set(`${namespace}/${name}`, index);
    nextImage += tagCount;
  }
  return { repositories, byQualifiedName };
}
