import type { RunningSimulator, SimulatorDataset } from '../../src/simulator';
import {
  catalogVulnerability,
  catalogVulnerabilityById,
  releaseCatalogCaches,
} from '../../src/simulator/data/vulnerabilityCatalog';
import { startSimulator } from '../../src/simulator';
import { call, getToken, hss, qs } from './helpers';

async function responses(sim: RunningSimulator): Promise<string[]> {
  const token = await getToken(sim);
  const first = sim.control.dataset.getImage(0);
  const paths = [
    hss(sim, '/image/registries/images?limit=200&offset=20'),
    hss(sim, '/image/apps?limit=200&offset=300'),
    hss(sim, '/image/apps?app_name=lib&limit=50'),
    hss(
      sim,
      `/image/${encodeURIComponent(first.image_id)}/apps${qs({ image_type: first.image_type, namespace: first.namespace, image_name: first.image_name, tag_name: first.image_version, limit: 200 })}`,
    ),
    '/v2/manage/shared-repositories?center=thirdparty&limit=50&offset=0',
    '/v2/manage/shared-repositories?center=self&limit=50&offset=0',
    `/v2/${sim.projectId}/images`,
  ];
  const texts: string[] = [];
  for (const path of paths) texts.push((await call(sim, path, { token })).text);
  return texts;
}

describe('simulator dataset', () => {
  describe('determinism', () => {
    it('gives byte-identical responses for the same seed and different ones for another seed', async () => {
      const [a, b, c] = await Promise.all([
        startSimulator({ seed: 7 }),
        startSimulator({ seed: 7 }),
        startSimulator({ seed: 8 }),
      ]);
      try {
        expect(a.projectId).toBe(b.projectId);
        expect(a.projectId).toMatch(/^[0-9a-f]{32}$/);
        expect(c.projectId).not.toBe(a.projectId);
        const [ra, rb, rc] = await Promise.all([responses(a), responses(b), responses(c)]);
        // Paths contain the project id, which differs per seed; the bodies must still all be identical for a/b.
        expect(ra).toEqual(rb);
        ra.forEach((text, k) => expect(text).not.toBe(rc[k]));
      } finally {
        await Promise.all([a.stop(), b.stop(), c.stop()]);
      }
    });
  });

  describe('consistency', () => {
    let sim: RunningSimulator;
    let dataset: SimulatorDataset;
    beforeAll(async () => {
      sim = await startSimulator({ imageCount: 2000 });
      dataset = sim.control.dataset;
    });
    afterAll(() => sim.stop());

    it('maps every thirdparty repository to shared_image images and back', () => {
      const thirdparty = dataset.sharedRepositories('thirdparty');
      for (const repo of thirdparty) {
        expect(repo.num_images).toBe(repo.tags.length);
        expect(repo.path).toBe(`swr.${sim.region}.myhuaweicloud.com/${repo.namespace}/${repo.name}`);
        for (const tag of repo.tags) {
          const image = dataset.findImage({
            type: 'shared_image',
            namespace: repo.namespace,
            name: repo.name,
            tag,
          });
          expect(image).toBeDefined();
          expect(image?.domain_name).toBe(repo.domain_name);
          expect(image?.shared_status).toBe(repo.status ? 'effective' : 'expired');
        }
      }
      const sharedRepositories = new Set(
        dataset
          .repositories()
          .filter((r) => r.type === 'shared_image')
          .map((r) => `${r.namespace}/${r.name}`),
      );
      expect(new Set(thirdparty.map((r) => `${r.namespace}/${r.name}`))).toEqual(sharedRepositories);
    });

    it('maps self repositories to a subset of private_image repositories', () => {
      const self = dataset.sharedRepositories('self');
      const privateCount = dataset.repositories().filter((r) => r.type === 'private_image').length;
      expect(self.length).toBeGreaterThan(0);
      expect(self.length).toBeLessThan(privateCount);
      expect(self[0]).toMatchObject({
        namespace: 'team-a',
        name: 'api',
        status: false,
        domain_name: sim.credentials.domain,
      });
      for (const repo of self) {
        const images = dataset.imagesOfRepository(repo.namespace, repo.name);
        expect(images.map((image) => image.image_version)).toEqual(repo.tags);
        expect(images.every((image) => image.image_type === 'private_image')).toBe(true);
        expect(repo.size).toBe(images.reduce((sum, image) => sum + image.image_size, 0));
      }
    });

    it('has exactly one latest_version per repository, unique ids and realistic types and statuses', () => {
      const latest = new Map<string, number>();
      const ids = new Set<string>();
      let huge = 0;
      for (let i = 0; i < dataset.imageCount; i++) {
        const image = dataset.getImage(i);
        ids.add(image.image_id);
        expect(image.image_id).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(image.image_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        const key = `${image.namespace}/${image.image_name}`;
        if (image.latest_version) latest.set(key, (latest.get(key) ?? 0) + 1);
        if (image.image_size > 2 ** 31) huge++;
        const kind = {
          private_image: 'SwrPrivate',
          shared_image: 'SwrShared',
          instance_image: 'SwrEnterprise',
          harbor: 'Harbor',
          jfrog: 'Jfrog',
        };
        expect(image.registry_type).toBe(kind[image.image_type]);
        if (image.scan_status !== 'success') {
          expect([
            image.vul_num,
            image.unsafe_setting_num,
            image.malicious_file_num,
            image.severity_level,
          ]).toEqual([0, 0, 0, '']);
          expect(dataset.appsOfImage(image.image_id)).toEqual([]);
          expect(dataset.filesStat(image.image_id)).toEqual({ total_files_num: 0, total_files_size: 0 });
        } else {
          expect(image.severity_level).not.toBe('');
          const apps = dataset.appsOfImage(image.image_id);
          expect(apps.length).toBeGreaterThanOrEqual(10);
          expect(apps.length).toBeLessThanOrEqual(200);
          if (image.vul_num === 0) expect(apps.every((app) => app.vul_num === 0)).toBe(true);
        }
        if (image.scan_status === 'unscan' || image.scan_status === 'waiting_for_scan')
          expect(image.latest_scan_time).toBe(0);
        if (['failed', 'download_failed', 'image_oversized'].includes(image.scan_status)) {
          expect(image.scan_failed_code).not.toBe('');
          expect(image.latest_scan_time).toBeGreaterThan(0);
        }
      }
      expect(ids.size).toBe(dataset.imageCount);
      expect([...latest.values()].every((n) => n === 1)).toBe(true);
      expect(latest.size).toBe(dataset.repositoryCount);
      expect(huge).toBeGreaterThan(0);
      const summary = dataset.summary();
      expect(summary.imagesByStatus.success! / dataset.imageCount).toBeGreaterThan(0.6);
      for (const status of [
        'unscan',
        'failed',
        'download_failed',
        'waiting_for_scan',
        'scanning',
        'image_oversized',
      ]) {
        expect(summary.imagesByStatus[status]).toBeGreaterThan(0);
      }
      for (const type of ['private_image', 'shared_image', 'instance_image', 'harbor', 'jfrog']) {
        expect(summary.imagesByType[type]).toBeGreaterThan(0);
      }
    });
  });

  describe('scale', () => {
    it('starts 50,000 images quickly and answers a filtered global-apps query over ~1M records', async () => {
      const started = Date.now();
      const sim = await startSimulator({ imageCount: 50_000 });
      const startMs = Date.now() - started;
      try {
        expect(startMs).toBeLessThan(3000);
        const token = await getToken(sim);
        expect(sim.control.dataset.totalSoftwareRecords()).toBeGreaterThan(800_000);
        const queried = Date.now();
        const answer = await call(sim, hss(sim, '/image/apps?app_name=log4j&limit=200&offset=1000'), {
          token,
        });
        expect(Date.now() - queried).toBeLessThan(3000);
        expect(answer.status).toBe(200);
        expect(answer.json.total_num).toBeGreaterThan(1200);
        expect(answer.json.data_list).toHaveLength(200);
        expect(
          answer.json.data_list.every((app: { app_name: string }) => app.app_name.includes('log4j')),
        ).toBe(true);
        const deepPage = await call(sim, hss(sim, '/image/apps?limit=200&offset=900000'), { token });
        expect(deepPage.json.data_list).toHaveLength(200);
        const lastImages = await call(
          sim,
          hss(sim, '/image/registries/images?limit=200&offset=49900&image_type=private_image'),
          { token },
        );
        expect(lastImages.status).toBe(200);
      } finally {
        await sim.stop();
      }
    });
  });
});

describe('vulnerability catalogue caches', () => {
  it('answer the same entries after being released (they are rebuilt on demand)', () => {
    const before = catalogVulnerability(3, 5, 0);
    const byId = catalogVulnerabilityById(3, before.vulId);
    expect(byId).toBe(before);
    releaseCatalogCaches();
    const rebuilt = catalogVulnerabilityById(3, before.vulId);
    expect(rebuilt).not.toBe(before);
    expect(rebuilt).toEqual(before);
  });
});
