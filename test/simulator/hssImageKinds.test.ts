/** Contract of the CI/CD and node-local image APIs: ListCicdImages, ListImageLocal, ListLocalImageAppInfo. */
import type { RunningSimulator } from '../../src/simulator';
import { call, hss, qs, startWithToken, type QueryParams } from './helpers';

describe('simulator HSS CI/CD and local images', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken({ imageCount: 300 }));
  });
  afterAll(() => sim.stop());

  const get = (path: string, params: QueryParams = {}, headers: Record<string, string> = {}) =>
    call(sim, hss(sim, `${path}${Object.keys(params).length ? qs(params) : ''}`), { token, headers });
  const kinds = () => sim.control.dataset.imageKinds;
  const scannedCicd = () => kinds().cicd.find((entry) => entry.record.scan_status === 'success')!.record;
  const scannedLocal = () => kinds().local.find((entry) => entry.record.scan_status === 'success')!.record;

  describe('ListCicdImages', () => {
    it('lists CI/CD images, 10 by default, with every documented field', async () => {
      const answer = await get('/image/cicd/images');
      expect(answer.status).toBe(200);
      expect(answer.json.total_num).toBe(kinds().cicd.length);
      expect(answer.json.data_list).toHaveLength(10);
      expect(Object.keys(answer.json.data_list[0]).sort()).toEqual(
        [
          'image_id',
          'cicd_name',
          'namespace',
          'image_name',
          'image_digest',
          'image_version',
          'registry_name',
          'image_type',
          'registry_type',
          'latest_version',
          'scan_status',
          'scan_failed_desc',
          'scan_failed_code',
          'image_size',
          'latest_update_time',
          'latest_scan_time',
          'vul_num',
          'unsafe_setting_num',
          'malicious_file_num',
          'severity_level',
          'pipeline_type',
        ].sort(),
      );
    });

    it('filters by image id, repository, pipeline type, CI/CD name and scan status', async () => {
      const image = scannedCicd();
      const byId = await get('/image/cicd/images', { image_id: image.image_id });
      expect(byId.json).toEqual({ total_num: 1, data_list: [image] });

      const repo = await get('/image/cicd/images', {
        namespace: image.namespace,
        image_name: image.image_name,
        limit: 200,
      });
      expect(repo.json.data_list.map((row: { image_id: string }) => row.image_id)).toContain(image.image_id);
      expect(
        repo.json.data_list.every(
          (row: { namespace: string; image_name: string }) =>
            row.namespace === image.namespace && row.image_name === image.image_name,
        ),
      ).toBe(true);

      const jenkins = await get('/image/cicd/images', { pipeline_type: 'jenkins', limit: 200 });
      expect(jenkins.json.total_num).toBe(
        kinds().cicd.filter((entry) => entry.record.pipeline_type === 'jenkins').length,
      );
      const named = await get('/image/cicd/images', { cicd_name: image.cicd_name, limit: 200 });
      expect(named.json.data_list.length).toBeGreaterThan(0);
      const waiting = await get('/image/cicd/images', { scan_status: 'waiting_for_scan', limit: 200 });
      expect(waiting.json.total_num).toBe(
        kinds().cicd.filter((entry) => entry.record.scan_status === 'waiting_for_scan').length,
      );
    });

    it.each<[string, QueryParams]>([
      ['limit below 10', { limit: 9 }],
      ['limit above 200', { limit: 201 }],
      ['offset above 2,000,000', { offset: 2_000_001 }],
      ['an unknown pipeline type', { pipeline_type: 'gitlab' }],
      ['a CI/CD name over 128 characters', { cicd_name: 'x'.repeat(129) }],
      ['an image id over 128 characters', { image_id: '1'.repeat(129) }],
      ['an image version over 64 characters', { image_version: 'v'.repeat(65) }],
      ['an unknown scan status', { scan_status: 'download_failed' }],
      ['an unknown severity', { severity_level: 'Critical' }],
      ['a non-boolean has_vul', { has_vul: 'yes' }],
      ['a start after the end', { start_latest_scan_time: 10, end_latest_scan_time: 5 }],
    ])('refuses %s with 400 HSS.0001', async (_what, params) => {
      const answer = await get('/image/cicd/images', params);
      expect(answer.status).toBe(400);
      expect(answer.json.error_code).toBe('HSS.0001');
    });

    it('serves files statistics and software of a CI/CD image by its id alone (image_type=cicd)', async () => {
      const image = scannedCicd();
      const stat = await get(
        `/image/${image.image_id}/files-statistics`,
        { image_type: 'cicd' },
        { region: sim.region },
      );
      expect(stat.status).toBe(200);
      expect(stat.json.total_files_num).toBeGreaterThan(0);
      expect(stat.json).toEqual(kinds().cicdFilesStat(kinds().cicdImage(image.image_id)!));

      const apps = await get(`/image/${image.image_id}/apps`, { image_type: 'cicd', limit: 200 });
      expect(apps.status).toBe(200);
      const expected = kinds().appsOf(kinds().cicdImage(image.image_id)!);
      expect(apps.json.total_num).toBe(expected.length);
      expect(Object.keys(apps.json.data_list[0]).sort()).toEqual(
        ['app_name', 'app_type', 'app_version', 'vul_num'].sort(),
      );

      const missing = await get(
        '/image/999/files-statistics',
        { image_type: 'cicd' },
        { region: sim.region },
      );
      expect(missing.json.error_code).toBe('HSS.0011');
    });
  });

  describe('ListImageLocal', () => {
    it('lists node-local images with hosts, containers and components', async () => {
      const answer = await get('/image/local-repositories', { limit: 200 });
      expect(answer.status).toBe(200);
      expect(answer.json.total_num).toBe(kinds().local.length);
      const row = answer.json.data_list[0];
      for (const key of ['host_num', 'container_num', 'component_num', 'host_name', 'host_id', 'agent_id']) {
        expect(row).toHaveProperty(key);
      }
      expect(answer.json.data_list.some((r: { scan_status: string }) => r.scan_status === 'waiting')).toBe(
        kinds().local.some((entry) => entry.record.scan_status === 'waiting'),
      );
    });

    it('filters fuzzily by image name (case-sensitive) and host name; waiting_for_scan matches `waiting`', async () => {
      const image = scannedLocal();
      const byName = await get('/image/local-repositories', {
        image_name: image.image_name,
        image_version: image.image_version,
        limit: 200,
      });
      expect(byName.json.data_list.map((row: { image_id: string }) => row.image_id)).toContain(
        image.image_id,
      );
      const upper = await get('/image/local-repositories', { image_name: image.image_name.toUpperCase() });
      expect(upper.json.total_num).toBe(0);
      const byHost = await get('/image/local-repositories', { host_name: 'cce-node', limit: 200 });
      expect(byHost.json.total_num).toBe(kinds().local.length);
      const waiting = await get('/image/local-repositories', { scan_status: 'waiting_for_scan', limit: 200 });
      expect(
        waiting.json.data_list.every((row: { scan_status: string }) => row.scan_status === 'waiting'),
      ).toBe(true);
    });

    it.each<[string, QueryParams]>([
      ['limit below 10', { limit: 5 }],
      ['an unknown local image type', { local_image_type: 'registry_image' }],
      ['an image name over 256 characters', { image_name: 'n'.repeat(257) }],
      ['a non-boolean has_container', { has_container: 1 }],
    ])('refuses %s with 400 HSS.0001', async (_what, params) => {
      const answer = await get('/image/local-repositories', params);
      expect(answer.status).toBe(400);
      expect(answer.json.error_code).toBe('HSS.0001');
    });
  });

  describe('ListLocalImageAppInfo', () => {
    it('lists the software of one local image; image_id is required', async () => {
      const image = scannedLocal();
      const answer = await get('/image/local/apps', { image_id: image.image_id, limit: 200 });
      expect(answer.status).toBe(200);
      expect(answer.json.total_num).toBe(kinds().appsOf(kinds().localImage(image.image_id)!).length);
      expect(answer.json.total_num).toBe(image.component_num);
      expect((await get('/image/local/apps')).json.error_code).toBe('HSS.0001');
      expect((await get('/image/local/apps', { image_id: image.image_id, limit: 300 })).status).toBe(400);
      expect((await get('/image/local/apps', { image_id: 'sha256:nope' })).json.error_code).toBe('HSS.0011');
    });
  });

  describe('global software of these kinds', () => {
    it.each(['cicd', 'local'] as const)(
      'names, for image_type=%s, only images its own list returns, with their scan time; openssl is there',
      async (kind) => {
        const rows = (await get('/image/apps', { image_type: kind, app_name: 'openssl', limit: 200 })).json
          .data_list as { image_id: string; latest_scan_time: number; app_name: string }[];
        expect(rows.length).toBeGreaterThan(0);
        const path = kind === 'cicd' ? '/image/cicd/images' : '/image/local-repositories';
        const listed = new Map<string, { latest_scan_time: number; scan_status: string }>();
        for (let offset = 0; ; offset += 200) {
          const page = (await get(path, { limit: 200, offset })).json;
          for (const image of page.data_list) listed.set(image.image_id, image);
          if (offset + 200 >= page.total_num) break;
        }
        for (const row of rows) {
          expect(row.app_name).toContain('openssl');
          expect(listed.get(row.image_id)?.scan_status).toBe('success');
          expect(listed.get(row.image_id)?.latest_scan_time).toBe(row.latest_scan_time);
        }
      },
    );
  });
});
