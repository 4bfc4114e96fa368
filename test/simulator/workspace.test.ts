import type { RunningSimulator } from '../../src/simulator';
import { call, startWithToken } from './helpers';

describe('simulator Workspace ListImages', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken());
  });
  afterAll(() => sim.stop());

  const list = (query = '') => call(sim, `/v2/${sim.projectId}/images${query}`, { token });

  it('lists gold and private images with total_count', async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    const all = sim.control.dataset.productImages();
    expect(answer.json).toEqual({ images: all, total_count: all.length });
    expect(all.length).toBeGreaterThan(20);
    expect(all[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('filters by image_type, os_type, architecture, platform and package_type', async () => {
    const gold = await list('?image_type=gold&os_type=Linux');
    expect(gold.json.total_count).toBeGreaterThan(0);
    for (const image of gold.json.images)
      expect(image).toMatchObject({ image_type: 'gold', os_type: 'Linux' });
    const arm = await list('?architecture=arm');
    expect(arm.json.images.every((image: { architecture: string }) => image.architecture === 'arm')).toBe(
      true,
    );
    const windows = await list('?platform=windows&image_type=gold&package_type=office');
    expect(windows.json.total_count).toBe(5);
    const one = sim.control.dataset.productImages()[2];
    expect((await list(`?image_id=${one?.id}`)).json.images).toEqual([one]);
  });

  it('pages with limit/offset and sorts', async () => {
    const total = sim.control.dataset.productImages().length;
    const page = await list('?limit=5&offset=5');
    expect(page.json.images).toEqual(sim.control.dataset.productImages().slice(5, 10));
    expect(page.json.total_count).toBe(total);
    expect((await list('?limit=0')).json).toEqual({ images: [], total_count: total });
    const byDate = (await list('?sort_field=created_at&sort_type=desc')).json.images.map(
      (i: { created_at: string }) => i.created_at,
    );
    expect(byDate).toEqual([...byDate].sort().reverse());
  });

  it.each([
    '?limit=101',
    '?limit=-1',
    '?offset=-1',
    '?os_type=Mac',
    '?image_type=public',
    '?architecture=x64',
    '?sort_type=up',
  ])('rejects %s with 400 WKS.0001', async (query) => {
    const answer = await list(query);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error_code: 'WKS.0001', error_msg: expect.any(String) });
  });
});
