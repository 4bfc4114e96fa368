import type { RunningSimulator } from '../../src/simulator';
import { call, hss, qs, startWithToken, type QueryParams } from './helpers';

describe('simulator HSS ListRegistryImages', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken({ imageCount: 300 }));
  });
  afterAll(() => sim.stop());

  const list = (params: QueryParams = {}) =>
    call(sim, hss(sim, `/image/registries/images${Object.keys(params).length ? qs(params) : ''}`), { token });

  it('pages with defaults (limit 10, offset 0) and reports the total', async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(answer.json.total_num).toBe(300);
    expect(answer.json.data_list).toHaveLength(10);
    expect(answer.json.data_list[0]).toEqual(sim.control.dataset.getImage(0));
    expect(answer.json.data_list[0]).toMatchObject({
      id: 1,
      namespace: 'team-a',
      image_name: 'api',
      image_version: '1.4.0',
    });
  });

  it('concatenated pages equal one large page, without gaps or repeats', async () => {
    const whole = (await list({ limit: 200, offset: 50 })).json.data_list;
    const parts = [];
    for (let offset = 50; offset < 250; offset += 40)
      parts.push(...(await list({ limit: 40, offset })).json.data_list);
    expect(parts).toEqual(whole);
    expect(new Set(whole.map((image: { image_id: string }) => image.image_id)).size).toBe(200);
  });

  it('accepts limit 1 and 200; returns an empty page past the end', async () => {
    expect((await list({ limit: 1 })).json.data_list).toHaveLength(1);
    expect((await list({ limit: 200 })).json.data_list).toHaveLength(200);
    const past = await list({ offset: 2_000_000 });
    expect(past.json).toEqual({ total_num: 300, data_list: [] });
  });

  it.each([
    { limit: 0 },
    { limit: 201 },
    { limit: 'ten' },
    { offset: -1 },
    { offset: 2_000_001 },
    { image_type: 'local_image' },
    { scan_status: 'download_failed' },
    { latest_version: 'yes' },
    { has_vul: 1 },
    { severity_level: 'Critical' },
    { sort_key: 'image_size' },
    { sort_key: 'latest_scan_time', sort_dir: 'up' },
    { start_latest_scan_time: 10, end_latest_scan_time: 5 },
    { namespace: 'x'.repeat(129) },
  ])('rejects %o with 400 HSS.0001', async (params) => {
    const answer = await list(params);
    expect(answer.status).toBe(400);
    expect(answer.json.error_code).toBe('HSS.0001');
  });

  it('filters by image_type, matching the dataset summary', async () => {
    const summary = sim.control.dataset.summary();
    for (const [type, count] of Object.entries(summary.imagesByType)) {
      const answer = await list({ image_type: type, limit: 200 });
      expect(answer.json.total_num).toBe(count);
      expect(answer.json.data_list.every((image: { image_type: string }) => image.image_type === type)).toBe(
        true,
      );
    }
  });

  it('filters by scan_status', async () => {
    const summary = sim.control.dataset.summary();
    const answer = await list({ scan_status: 'success', limit: 200 });
    expect(answer.json.total_num).toBe(summary.imagesByStatus.success);
    expect(
      answer.json.data_list.every((image: { scan_status: string }) => image.scan_status === 'success'),
    ).toBe(true);
  });

  it('latest_version=true gives exactly one image per repository', async () => {
    const answer = await list({ latest_version: true, limit: 200 });
    expect(answer.json.total_num).toBe(sim.control.dataset.repositoryCount);
    const names = answer.json.data_list.map(
      (image: { namespace: string; image_name: string }) => `${image.namespace}/${image.image_name}`,
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds one image by namespace + image_name + image_version (exact match)', async () => {
    const answer = await list({ namespace: 'team-a', image_name: 'api', image_version: '1.4.2' });
    expect(answer.json.total_num).toBe(1);
    expect(answer.json.data_list[0]).toEqual(
      sim.control.dataset.findImage({ namespace: 'team-a', name: 'api', tag: '1.4.2' }),
    );
    expect((await list({ namespace: 'team-a', image_name: 'ap' })).json.total_num).toBe(0);
  });

  it('filters by has_vul and severity_level consistently', async () => {
    const vulnerable = await list({ has_vul: true, limit: 200 });
    expect(vulnerable.json.data_list.every((image: { vul_num: number }) => image.vul_num > 0)).toBe(true);
    const clean = await list({ has_vul: false, limit: 200 });
    expect(vulnerable.json.total_num + clean.json.total_num).toBe(300);
    const high = await list({ severity_level: 'High', limit: 200 });
    expect(high.json.total_num).toBeGreaterThan(0);
    expect(
      high.json.data_list.every((image: { severity_level: string }) => image.severity_level === 'High'),
    ).toBe(true);
  });

  it('sorts by latest_scan_time', async () => {
    const desc = (await list({ sort_key: 'latest_scan_time', sort_dir: 'desc', limit: 200 })).json.data_list;
    const times = desc.map((image: { latest_scan_time: number }) => image.latest_scan_time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const asc = (await list({ sort_key: 'latest_scan_time', limit: 5 })).json.data_list;
    expect(asc[0].latest_scan_time).toBe(0);
  });

  it('ignores enterprise_project_id and filters scan time ranges', async () => {
    expect((await list({ enterprise_project_id: 'all_granted_eps' })).json.total_num).toBe(300);
    const recent = await list({ start_latest_scan_time: 1, limit: 200 });
    expect(
      recent.json.data_list.every((image: { latest_scan_time: number }) => image.latest_scan_time >= 1),
    ).toBe(true);
  });
});
