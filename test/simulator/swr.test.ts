import type { RunningSimulator } from '../../src/simulator';
import { call, startWithToken } from './helpers';

describe('simulator SWR ListSharedReposDetails', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    ({ sim, token } = await startWithToken({ imageCount: 3000 }));
  });
  afterAll(() => sim.stop());

  const list = (query: string) => call(sim, `/v2/manage/shared-repositories${query}`, { token });
  const legacy = (filter: string) => list(`?filter=${encodeURIComponent(filter)}`);

  it('lists a center as a bare array with total_range in every element', async () => {
    const expected = sim.control.dataset.sharedRepositories('thirdparty');
    expect(expected.length).toBeGreaterThan(100);
    const answer = await list('?center=thirdparty&limit=10&offset=0');
    expect(answer.status).toBe(200);
    expect(Array.isArray(answer.json)).toBe(true);
    expect(answer.json).toEqual(expected.slice(0, 10));
    expect(answer.json.every((repo: { total_range: number }) => repo.total_range === expected.length)).toBe(
      true,
    );
  });

  it('parses the legacy filter form (URL-encoded as a whole) like plain parameters', async () => {
    const legacyAnswer = await legacy('center::self|limit::5|offset::5');
    const plainAnswer = await list('?center=self&limit=5&offset=5');
    expect(legacyAnswer.status).toBe(200);
    expect(legacyAnswer.json).toEqual(plainAnswer.json);
    expect(legacyAnswer.headers['content-range']).toBe(plainAnswer.headers['content-range']);
    expect(legacyAnswer.json).toEqual(sim.control.dataset.sharedRepositories('self').slice(5, 10));
  });

  it('matches name and namespace as substrings', async () => {
    const repo = sim.control.dataset.sharedRepositories('thirdparty')[3];
    if (!repo) throw new Error('fixture');
    const fragment = repo.name.slice(0, 3);
    const answer = await legacy(`center::thirdparty|name::${fragment}|namespace::${repo.namespace}`);
    expect(answer.json.length).toBeGreaterThan(0);
    expect(answer.json.some((item: { name: string }) => item.name === repo.name)).toBe(true);
    for (const item of answer.json) {
      expect(item.name).toContain(fragment);
      expect(item.namespace).toContain(repo.namespace);
    }
  });

  it('sends Content-Range {offset}-{count}/{total} only with limit and offset', async () => {
    const total = sim.control.dataset.sharedRepositories('thirdparty').length;
    const paged = await list(`?center=thirdparty&limit=10&offset=${total - 4}`);
    expect(paged.json).toHaveLength(4);
    expect(paged.headers['content-range']).toBe(`${total - 4}-4/${total}`);
    const unpaged = await list('?center=thirdparty');
    expect(unpaged.headers['content-range']).toBeUndefined();
    expect(unpaged.json).toHaveLength(100);
    expect(unpaged.json[0].total_range).toBe(total);
  });

  it('orders by order_column/order_type', async () => {
    const answer = await legacy('center::thirdparty|order_column::name|order_type::asc|limit::50|offset::0');
    const names = answer.json.map((repo: { name: string }) => repo.name);
    expect(names).toEqual([...names].sort());
  });

  it('answers [] (no Content-Range total to read) for no match', async () => {
    const answer = await list('?center=self&name=zzzz-no-such');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([]);
  });

  it.each([
    ['no center', '?name=api'],
    ['bad center', '?center=others'],
    ['limit without offset', '?center=self&limit=10'],
    ['offset without limit', '?center=self&offset=0'],
    ['legacy limit without offset', `?filter=${encodeURIComponent('center::self|limit::10')}`],
    ['bad limit', '?center=self&limit=x&offset=0'],
    ['bad order column', '?center=self&order_column=size'],
    ['malformed filter pair', `?filter=${encodeURIComponent('center:self')}`],
  ])('answers 400 SVCSTG.SWR.4000014 in the dual format (%s)', async (_case, query) => {
    const answer = await list(query);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errors: [{ errorCode: 'SVCSTG.SWR.4000014', errorMessage: expect.any(String), detail: '' }],
      error_code: 'SVCSTG.SWR.4000014',
      error_msg: expect.any(String),
      details: [{ error_code: 'SVCSTG.SWR.4000014', error_msg: expect.any(String) }],
    });
  });
});
