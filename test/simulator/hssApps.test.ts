import type { RunningSimulator } from '../../src/simulator';
import { call, hss, qs, startWithToken, type QueryParams } from './helpers';

describe('simulator HSS software lists', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken({ imageCount: 300 }));
  });
  afterAll(() => sim.stop());

  const global = (params: QueryParams = {}) =>
    call(sim, hss(sim, `/image/apps${Object.keys(params).length ? qs(params) : ''}`), { token });

  const imageOf = (status: string) => {
    const dataset = sim.control.dataset;
    for (let i = 0; i < dataset.imageCount; i++) {
      const image = dataset.getImage(i);
      if (image.scan_status === status) return image;
    }
    throw new Error(`no ${status} image`);
  };

  describe('ListGlobalImageApps', () => {
    it('lists every record with all 13 fields, 10 by default', async () => {
      const answer = await global();
      expect(answer.status).toBe(200);
      expect(answer.json.total_num).toBe(sim.control.dataset.totalSoftwareRecords());
      expect(answer.json.data_list).toHaveLength(10);
      expect(Object.keys(answer.json.data_list[0]).sort()).toEqual(
        [
          'app_name',
          'app_path',
          'app_type',
          'app_version',
          'image_id',
          'image_name',
          'image_type',
          'image_version',
          'is_compliant',
          'latest_scan_time',
          'layer_digest',
          'namespace',
          'vul_num',
        ].sort(),
      );
      expect(answer.json.data_list[0].layer_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(['SwrPrivate', 'SwrShared', 'SwrEnterprise', 'Harbor', 'Jfrog']).toContain(
        answer.json.data_list[0].image_type,
      );
    });

    it('pages stably: two pages of 10 equal one page of 20', async () => {
      const offset = 137;
      const one = (await global({ limit: 20, offset })).json.data_list;
      const two = [
        ...(await global({ limit: 10, offset })).json.data_list,
        ...(await global({ limit: 10, offset: offset + 10 })).json.data_list,
      ];
      expect(two).toEqual(one);
    });

    it('filters by app_name (case-insensitive substring) with a consistent total', async () => {
      const answer = await global({ app_name: 'OpenSSL', limit: 200 });
      expect(answer.json.total_num).toBeGreaterThan(0);
      expect(
        answer.json.data_list.every((app: { app_name: string }) =>
          app.app_name.toLowerCase().includes('openssl'),
        ),
      ).toBe(true);
      let expected = 0;
      const dataset = sim.control.dataset;
      for (let i = 0; i < dataset.imageCount; i++) {
        expected += dataset
          .appsOfImage(dataset.getImage(i).image_id)
          .filter((app) => app.app_name.includes('openssl')).length;
      }
      expect(answer.json.total_num).toBe(expected);
    });

    it('filters non-compliant software with is_compliant=false', async () => {
      const answer = await global({ is_compliant: false, limit: 200 });
      expect(answer.json.total_num).toBeGreaterThan(0);
      expect(
        answer.json.data_list.every((app: { is_compliant: boolean }) => app.is_compliant === false),
      ).toBe(true);
      const combined = await global({ is_compliant: false, app_name: 'fastjson', limit: 200 });
      expect(combined.json.data_list.every((app: { app_name: string }) => app.app_name === 'fastjson')).toBe(
        true,
      );
    });

    it('lists registry images for image_type=registry, and CI/CD or local images for cicd/local', async () => {
      expect((await global({ image_type: 'registry' })).json.total_num).toBe(
        sim.control.dataset.totalSoftwareRecords(),
      );
      const kinds = sim.control.dataset.imageKinds;
      expect((await global({ image_type: 'local' })).json.total_num).toBe(kinds.allApps('local').length);
      expect((await global({ image_type: 'cicd' })).json.total_num).toBe(kinds.allApps('cicd').length);
    });

    it('accepts an empty app_name and a 32-character one', async () => {
      expect((await global({ app_name: '' })).status).toBe(200);
      expect((await global({ app_name: 'x'.repeat(32) })).json).toEqual({ total_num: 0, data_list: [] });
    });

    it.each([
      { limit: 9 },
      { limit: 1 },
      { limit: 201 },
      { offset: 2_000_001 },
      { image_type: 'local_image' },
      { app_name: 'x'.repeat(33) },
      { is_compliant: true },
      { is_compliant: 'no' },
    ])('rejects %o with 400 HSS.0001', async (params) => {
      const answer = await global(params);
      expect(answer.status).toBe(400);
      expect(answer.json.error_code).toBe('HSS.0001');
    });
  });

  describe('ListImageApps', () => {
    const perImage = (imageId: string, params: Record<string, string | number>) =>
      call(sim, hss(sim, `/image/${encodeURIComponent(imageId)}/apps${qs(params)}`), { token });
    const refOf = (image: {
      image_type: string;
      namespace: string;
      image_name: string;
      image_version: string;
    }) => ({
      image_type: image.image_type,
      namespace: image.namespace,
      image_name: image.image_name,
      tag_name: image.image_version,
    });

    it('lists an image software with four fields per item, paging with limit 10–200', async () => {
      const image = imageOf('success');
      const expected = sim.control.dataset.appsOfImage(image.image_id);
      const answer = await perImage(image.image_id, { ...refOf(image), limit: 200 });
      expect(answer.status).toBe(200);
      expect(answer.json.total_num).toBe(expected.length);
      expect(answer.json.data_list).toEqual(
        expected.slice(0, 200).map(({ app_name, app_type, app_version, vul_num }) => ({
          app_name,
          app_type,
          app_version,
          vul_num,
        })),
      );
      const second = await perImage(image.image_id, { ...refOf(image), limit: 10, offset: 10 });
      expect(second.json.data_list).toEqual(answer.json.data_list.slice(10, 20));
    });

    it('filters by app_name', async () => {
      const image = imageOf('success');
      const first = sim.control.dataset.appsOfImage(image.image_id)[0];
      const answer = await perImage(image.image_id, { ...refOf(image), app_name: first?.app_name ?? '' });
      expect(answer.json.total_num).toBeGreaterThan(0);
      expect(
        answer.json.data_list.every((app: { app_name: string }) =>
          app.app_name.includes(first?.app_name ?? ''),
        ),
      ).toBe(true);
    });

    it('answers an empty list for an image that was never scanned', async () => {
      const image = imageOf('unscan');
      const answer = await perImage(image.image_id, refOf(image));
      expect(answer.json).toEqual({ total_num: 0, data_list: [] });
    });

    it('rejects missing image_type, bad image_type, missing reference and bad limits with HSS.0001', async () => {
      const image = imageOf('success');
      const { image_type: _type, ...withoutType } = refOf(image);
      const { namespace: _namespace, ...withoutNamespace } = refOf(image);
      for (const params of [
        withoutType,
        { ...refOf(image), image_type: 'local' },
        withoutNamespace,
        { ...refOf(image), limit: 9 },
        { ...refOf(image), limit: 201 },
        { ...refOf(image), offset: 2_000_001 },
      ]) {
        const answer = await perImage(image.image_id, params);
        expect(answer.status).toBe(400);
        expect(answer.json.error_code).toBe('HSS.0001');
      }
    });

    it('answers 400 HSS.0011 for an unknown image or a mismatching reference', async () => {
      const image = imageOf('success');
      const unknown = await perImage(`sha256:${'0'.repeat(64)}`, refOf(image));
      expect(unknown.status).toBe(400);
      expect(unknown.json.error_code).toBe('HSS.0011');
      const otherTag = await perImage(image.image_id, { ...refOf(image), tag_name: 'no-such-tag' });
      expect(otherTag.json.error_code).toBe('HSS.0011');
      const otherType = image.image_type === 'shared_image' ? 'private_image' : 'shared_image';
      expect(
        (await perImage(image.image_id, { ...refOf(image), image_type: otherType })).json.error_code,
      ).toBe('HSS.0011');
      expect((await perImage('111', { image_type: 'cicd' })).json.error_code).toBe('HSS.0011');
    });
  });
});
