/** Every GraphQL enum value ↔ its upstream wire value, both directions, through the real schema. */
import { GraphQLEnumType } from 'graphql';
import { buildGatewaySchema } from '../../src/server/schema';
import { makeImage, makeProductImage, makeRepo } from './support/fixtures';
import { createFakeUpstream } from './support/fakeUpstream';
import { run } from './support/execute';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The contract (the README's graph section and docs/huawei-cloud-apis.md), written out independently of the code. */
const EXPECTED: Record<string, Record<string, string>> = {
  ContainerImageType: {
    PRIVATE: 'private_image',
    SHARED: 'shared_image',
    ENTERPRISE: 'instance_image',
    HARBOR: 'harbor',
    JFROG: 'jfrog',
  },
  ScanStatus: {
    UNSCANNED: 'unscan',
    SUCCESS: 'success',
    SCANNING: 'scanning',
    FAILED: 'failed',
    DOWNLOAD_FAILED: 'download_failed',
    IMAGE_OVERSIZED: 'image_oversized',
    WAITING_FOR_SCAN: 'waiting_for_scan',
  },
  Severity: { SECURE: 'Security', LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' },
  ImageKind: { LOCAL: 'local', REGISTRY: 'registry', CICD: 'cicd' },
  ShareCenter: { SELF: 'self', THIRDPARTY: 'thirdparty' },
  RepositoryCategory: {
    APP_SERVER: 'app_server',
    LINUX: 'linux',
    FRAMEWORK_APP: 'framework_app',
    DATABASE: 'database',
    LANG: 'lang',
    OTHER: 'other',
    WINDOWS: 'windows',
    ARM: 'arm',
  },
  ProductImageType: { GOLD: 'gold', PRIVATE: 'private' },
};

const schema = buildGatewaySchema();

describe.each(Object.entries(EXPECTED))('enum %s', (name, table) => {
  const type = schema.getType(name) as GraphQLEnumType;

  it('maps every value both ways', () => {
    expect(
      type
        .getValues()
        .map((value) => value.name)
        .sort(),
    ).toEqual(Object.keys(table).sort());
    for (const [graphqlName, wire] of Object.entries(table)) {
      expect(type.parseValue(graphqlName)).toBe(wire);
      expect(type.serialize(wire)).toBe(graphqlName);
    }
  });
});

describe('enum ScanFailureCode', () => {
  const type = schema.getType('ScanFailureCode') as GraphQLEnumType;
  it('is the upper-case form of every HSS scan_failed_code', () => {
    for (const value of type.getValues()) expect(value.value).toBe(value.name.toLowerCase());
    expect(type.getValues()).toHaveLength(20);
  });

  it('reports codes HSS adds later as UNKNOWN_ERROR', async () => {
    const image = makeImage({ scan_status: 'failed', scan_failed_code: 'brand_new_reason' as never });
    const result = await run(
      createFakeUpstream({ images: [image] }),
      '{ containerImages { nodes { scan { failureCode } } } }',
    );
    expect(result.data).toEqual({ containerImages: { nodes: [{ scan: { failureCode: 'UNKNOWN_ERROR' } }] } });
  });
});

describe('enums end to end', () => {
  it.each(Object.entries(EXPECTED['ContainerImageType']!))(
    'ContainerImageType %s ↔ %s',
    async (graphqlName, wire) => {
      const upstream = createFakeUpstream({ images: [makeImage({ image_type: wire as never })] });
      const result = await run(
        upstream,
        `{ containerImages(filter: { type: ${graphqlName} }) { nodes { type } } }`,
      );
      expect(result.data).toEqual({ containerImages: { nodes: [{ type: graphqlName }] } });
      expect((upstream.calls[0]!.args[0] as Json)['image_type']).toBe(wire);
    },
  );

  it.each(Object.entries(EXPECTED['ScanStatus']!))(
    'ScanStatus %s is read from %s',
    async (graphqlName, wire) => {
      const upstream = createFakeUpstream({ images: [makeImage({ scan_status: wire as never })] });
      const result = await run(upstream, '{ containerImages { nodes { scan { status } } } }');
      expect(result.data).toEqual({ containerImages: { nodes: [{ scan: { status: graphqlName } }] } });
    },
  );

  it.each(Object.entries(EXPECTED['Severity']!))('Severity %s ↔ %s', async (graphqlName, wire) => {
    const upstream = createFakeUpstream({ images: [makeImage({ severity_level: wire as never })] });
    const result = await run(
      upstream,
      `{ containerImages(filter: { severity: ${graphqlName} }) { nodes { scan { severity } } } }`,
    );
    expect(result.data).toEqual({ containerImages: { nodes: [{ scan: { severity: graphqlName } }] } });
    expect((upstream.calls[0]!.args[0] as Json)['severity_level']).toBe(wire);
  });

  it.each(Object.entries(EXPECTED['ImageKind']!))('ImageKind %s is sent as %s', async (graphqlName, wire) => {
    const upstream = createFakeUpstream({});
    await run(
      upstream,
      `{ imageSoftware(filter: { imageKind: ${graphqlName}, nonCompliantOnly: true }) { totalCount } }`,
    );
    expect(upstream.calls[0]!.args[0]).toEqual({
      image_type: wire,
      is_compliant: false,
      offset: 0,
      limit: 20,
    });
  });

  it.each(Object.entries(EXPECTED['ShareCenter']!))('ShareCenter %s ↔ %s', async (graphqlName, wire) => {
    const upstream = createFakeUpstream({ repos: { [wire]: [makeRepo()] } });
    const result = await run(
      upstream,
      `{ sharedRepositories(center: ${graphqlName}) { nodes { center shareValid } } }`,
    );
    expect(result.data).toEqual({
      sharedRepositories: { nodes: [{ center: graphqlName, shareValid: wire === 'self' ? null : true }] },
    });
    expect((upstream.calls[0]!.args[0] as Json)['center']).toBe(wire);
  });

  it.each(Object.entries(EXPECTED['RepositoryCategory']!))(
    'RepositoryCategory %s is read from %s',
    async (graphqlName, wire) => {
      const upstream = createFakeUpstream({ repos: { self: [makeRepo({ category: wire as never })] } });
      const result = await run(upstream, '{ sharedRepositories(center: SELF) { nodes { category } } }');
      expect(result.data).toEqual({ sharedRepositories: { nodes: [{ category: graphqlName }] } });
    },
  );

  it.each(Object.entries(EXPECTED['ProductImageType']!))(
    'ProductImageType %s ↔ %s',
    async (graphqlName, wire) => {
      const upstream = createFakeUpstream({
        productImages: [makeProductImage({ image_type: wire as never })],
      });
      const result = await run(
        upstream,
        `{ productImages(filter: { type: ${graphqlName} }) { nodes { type } } }`,
      );
      expect(result.data).toEqual({ productImages: { nodes: [{ type: graphqlName }] } });
      expect((upstream.calls[0]!.args[0] as Json)['image_type']).toBe(wire);
    },
  );
});
