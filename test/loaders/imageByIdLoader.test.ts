import { createImageByIdLoader, type ImageByIdSource } from '../../src/loaders/imageByIdLoader';
import type { HssPage } from '../../src/upstream/hss/types';

interface Row {
  id: string;
  repo: string;
}
interface Key {
  id: string;
  repo: string;
}

/** A repository list API over rows, recording every query it was asked. */
function source(rows: Row[]) {
  const queries: { query: object; offset: number; limit: number }[] = [];
  const api: ImageByIdSource<Key, Row> = {
    groupOf: (key) => key.repo,
    oneQuery: (key) => ({ id: key.id }),
    groupQuery: (key) => ({ repo: key.repo }),
    async list(query, offset, limit): Promise<HssPage<Row>> {
      queries.push({ query, offset, limit });
      const q = query as Partial<Row>;
      const matching = rows.filter((row) => (q.id ?? row.id) === row.id && (q.repo ?? row.repo) === row.repo);
      return { total_num: matching.length, data_list: matching.slice(offset, offset + limit) };
    },
    keyId: (key) => key.id,
    belongs: (row, key) => row.id === key.id,
  };
  return { api, queries };
}

const rows: Row[] = Array.from({ length: 450 }, (_, i) => ({ id: `a${i}`, repo: 'a' })).concat([
  { id: 'b0', repo: 'b' },
]);

describe('images by id through a list API', () => {
  it('finds one image of a repository with its narrowest query', async () => {
    const { api, queries } = source(rows);
    const loader = createImageByIdLoader(api);
    expect(await loader.load({ id: 'b0', repo: 'b' })).toEqual({ id: 'b0', repo: 'b' });
    expect(queries).toEqual([{ query: { id: 'b0' }, offset: 0, limit: 200 }]);
  });

  it('finds several images of one repository with one repository-wide list, paged past 200', async () => {
    const { api, queries } = source(rows);
    const loader = createImageByIdLoader(api);
    const found = await Promise.all([
      loader.load({ id: 'a1', repo: 'a' }),
      loader.load({ id: 'a449', repo: 'a' }),
      loader.load({ id: 'missing', repo: 'a' }),
      loader.load({ id: 'b0', repo: 'b' }),
    ]);
    expect(found).toEqual([
      { id: 'a1', repo: 'a' },
      { id: 'a449', repo: 'a' },
      null,
      { id: 'b0', repo: 'b' },
    ]);
    expect(queries).toEqual(
      expect.arrayContaining([
        { query: { repo: 'a' }, offset: 0, limit: 200 },
        { query: { repo: 'a' }, offset: 200, limit: 200 },
        { query: { repo: 'a' }, offset: 400, limit: 200 },
        { query: { id: 'b0' }, offset: 0, limit: 200 },
      ]),
    );
    expect(queries).toHaveLength(4);
  });

  it('fails only the keys of the repository whose list failed', async () => {
    const { api } = source(rows);
    const failing: ImageByIdSource<Key, Row> = {
      ...api,
      list: (query, offset, limit) =>
        (query as Partial<Row>).id === 'b0'
          ? Promise.reject(new Error('HSS down'))
          : api.list(query, offset, limit),
    };
    const loader = createImageByIdLoader(failing);
    const [a, b] = await Promise.allSettled([
      loader.load({ id: 'a3', repo: 'a' }),
      loader.load({ id: 'b0', repo: 'b' }),
    ]);
    expect(a).toEqual({ status: 'fulfilled', value: { id: 'a3', repo: 'a' } });
    expect(b).toMatchObject({ status: 'rejected', reason: new Error('HSS down') });
  });
});
