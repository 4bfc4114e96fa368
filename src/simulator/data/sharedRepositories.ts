/**
 * SWR shared repositories, consistent with HSS: `thirdparty` lists every shared_image repository
 * (shared with this account by partners), `self` lists the private_image repositories this account
 * shares (a quarter of them, always including `team-a/api`). Tags and namespaces match HSS images.
 */
import type { SwrSharedRepository, SwrShareCenter } from '../../upstream/swr/types';
import type { ImageTable } from './images';
import { hash32, SALT } from './prng';
import type { RepositoryRecord } from './repositories';
import { microsecondUtc } from './time';

/** A shared repository before paging (`total_range` is set per response). */
export type SharedRepositoryRecord = Omit<SwrSharedRepository, 'total_range'> & { updatedAtMs: number };

export class SharedRepositoryStore {
  private readonly byCenter: Record<SwrShareCenter, readonly number[]>;
  private readonly cache = new Map<number, SharedRepositoryRecord>();

  constructor(
    private readonly seed: number,
    private readonly region: string,
    private readonly images: ImageTable,
  ) {
    const self: number[] = [];
    const thirdparty: number[] = [];
    for (const repository of images.repositories) {
      if (repository.type === 'shared_image') thirdparty.push(repository.index);
      else if (repository.sharedBySelf) self.push(repository.index);
    }
    this.byCenter = { self, thirdparty };
  }

  /** Repository indices of a center, in repository order. */
  indicesOf(center: SwrShareCenter): readonly number[] {
    return this.byCenter[center];
  }

  count(center: SwrShareCenter): number {
    return this.byCenter[center].length;
  }

  record(repositoryIndex: number, center: SwrShareCenter): SharedRepositoryRecord {
    let record = this.cache.get(repositoryIndex);
    if (!record) {
      record = this.build(this.images.repositories[repositoryIndex] as RepositoryRecord, center);
      this.cache.set(repositoryIndex, record);
    }
    return record;
  }

  all(center: SwrShareCenter): SwrSharedRepository[] {
    const indices = this.byCenter[center];
    return indices.map((index) => withTotal(this.record(index, center), indices.length));
  }

  private build(repository: RepositoryRecord, center: SwrShareCenter): SharedRepositoryRecord {
    let size = 0;
    let updatedAtMs = repository.createdAt;
    for (let t = 0; t < repository.tags.length; t++) {
      const i = repository.firstImage + t;
      size += this.images.size[i] as number;
      updatedAtMs = Math.max(updatedAtMs, this.images.updateTime[i] as number);
    }
    const h = hash32(this.seed, SALT.repository, repository.index, 9);
    const reference = `${repository.namespace}/${repository.name}`;
    return {
      name: repository.name,
      category: repository.category,
      description: h % 3 === 0 ? '' : `${repository.name} maintained by ${repository.ownerDomain}`,
      size,
      is_public: h % 10 === 0,
      num_images: repository.tags.length,
      num_download: h % 50_000,
      created_at: microsecondUtc(repository.createdAt, h % 1000),
      updated_at: microsecondUtc(updatedAtMs, (h >>> 10) % 1000),
      logo: '',
      url: '',
      path: `swr.${this.region}.myhuaweicloud.com/${reference}`,
      internal_path: `10.125.0.198:20202/${reference}`,
      domain_name: repository.ownerDomain,
      namespace: repository.namespace,
      tags: [...repository.tags],
      status: center === 'thirdparty' ? repository.shareValid : false,
      updatedAtMs,
    };
  }
}

/** The wire form: drops internal fields and adds `total_range`. */
export function withTotal(record: SharedRepositoryRecord, total: number): SwrSharedRepository {
  const { updatedAtMs: _updatedAtMs, ...wire } = record;
  return { ...wire, tags: [...wire.tags], total_range: total };
}
