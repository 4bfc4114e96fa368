import { readdirSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { buildGatewaySchema, typeDefs } from '../../src/server/schema';
import { makeRepositoryImages } from './support/fixtures';
import { createFakeUpstream } from './support/fakeUpstream';
import { OPERATIONS_DIR, operation, run } from './support/execute';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const schema = buildGatewaySchema();

describe('schema', () => {
  it('loads every SDL file of schema/', () => {
    const names = typeDefs.definitions.flatMap((definition) =>
      'name' in definition && definition.name ? [definition.name.value] : [],
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'Node',
        'ContainerImage',
        'SharedRepository',
        'ProductImage',
        'ScanImagesPayload',
      ]),
    );
  });

  const operations = readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => file.replace('.graphql', ''));

  it.each(operations)('validates the reference operation %s', (name) => {
    expect(validate(schema, parse(operation(name)))).toEqual([]);
  });

  it('keeps partial results: joins that cost upstream calls are nullable', () => {
    const image = schema.getType('ContainerImage') as unknown as {
      getFields(): Record<string, { type: { toString(): string } }>;
    };
    for (const field of ['fileStatistics', 'apps', 'sharedRepository']) {
      expect(image.getFields()[field]!.type.toString()).not.toMatch(/!$/);
    }
  });
});

describe('paging through a whole list', () => {
  it('visits every image exactly once, one upstream call per page', async () => {
    const images = makeRepositoryImages(45, { namespace: 'team-a', image_name: 'api' });
    const upstream = createFakeUpstream({ images });
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 1; pages <= 10; pages += 1) {
      const result = await run(
        upstream,
        'query($after: String) { containerImages(first: 20, after: $after) { totalCount edges { cursor node { tag } } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
        { after },
      );
      const connection = result.data?.['containerImages'] as Json;
      expect(connection['totalCount']).toBe(45);
      expect(connection['pageInfo'].hasPreviousPage).toBe(after !== null);
      seen.push(...(connection['edges'] as Json[]).map((edge) => edge['node'].tag));
      if (!connection['pageInfo'].hasNextPage) break;
      after = connection['pageInfo'].endCursor;
    }
    expect(seen).toEqual(images.map((image) => image.image_version));
    expect(
      upstream.callsOf('hss.listRegistryImages').map((call) => (call.args[0] as Json)['offset']),
    ).toEqual([0, 20, 40]);
  });

  it('maps an empty list to an empty page', async () => {
    const upstream = createFakeUpstream({});
    const result = await run(
      upstream,
      '{ sharedRepositories(center: SELF, first: 100) { totalCount pageInfo { hasNextPage startCursor endCursor } } }',
    );
    expect(result.data).toEqual({
      sharedRepositories: {
        totalCount: 0,
        pageInfo: { hasNextPage: false, startCursor: null, endCursor: null },
      },
    });
  });
});
