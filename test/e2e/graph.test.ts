/**
 * The graph end to end: paging through whole lists, enum mappings against the upstream records,
 * lookups, not-found and bad input — over HTTP against the simulator.
 */
import { request } from 'undici';
import { errorCodes, serviceCalls, startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { imageCount: 600, seed: 11 } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetCalls());

const WIRE_TYPE: Record<string, string> = {
  PRIVATE: 'private_image',
  SHARED: 'shared_image',
  ENTERPRISE: 'instance_image',
  HARBOR: 'harbor',
  JFROG: 'jfrog',
};
const WIRE_STATUS: Record<string, string> = {
  UNSCANNED: 'unscan',
  SUCCESS: 'success',
  SCANNING: 'scanning',
  FAILED: 'failed',
  DOWNLOAD_FAILED: 'download_failed',
  IMAGE_OVERSIZED: 'image_oversized',
  WAITING_FOR_SCAN: 'waiting_for_scan',
};
const WIRE_SEVERITY: Record<string, string> = {
  SECURE: 'Security',
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
};

const IMAGES_PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: ContainerImageFilter) {
    containerImages(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          type
          namespace
          name
          tag
          latestVersion
          updatedAt
          scan {
            status
            failureCode
            lastScannedAt
            severity
            vulnerabilityCount
            scannable
          }
        }
      }
    }
  }
`;
interface PageNode {
  id: string;
  type: string;
  namespace: string;
  name: string;
  tag: string;
  latestVersion: boolean;
  updatedAt: string | null;
  scan: {
    status: string;
    failureCode: string | null;
    lastScannedAt: string | null;
    severity: string | null;
    vulnerabilityCount: number;
    scannable: boolean;
  };
}
interface Page {
  containerImages: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { cursor: string; node: PageNode }[];
  };
}

describe('paging', () => {
  it('walks forwards through a whole list, one upstream call per page, no duplicates or gaps', async () => {
    const seen: PageNode[] = [];
    let after: string | null = null;
    let pages = 0;
    let total: number | undefined;
    for (;;) {
      const response: Awaited<ReturnType<typeof stack.query<Page>>> = await stack.query<Page>(IMAGES_PAGE, {
        first: 37,
        after,
        filter: { type: 'SHARED' },
      });
      expect(response.body.errors).toBeUndefined();
      const page = response.body.data!.containerImages;
      total = page.totalCount;
      pages += 1;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(100);
    }
    const expectedTotal = Array.from({ length: stack.simulator.control.dataset.imageCount }, (_, index) =>
      stack.simulator.control.dataset.getImage(index),
    ).filter((image) => image.image_type === 'shared_image').length;
    expect(total).toBe(expectedTotal);
    expect(seen).toHaveLength(expectedTotal);
    expect(new Set(seen.map((node) => node.id)).size).toBe(expectedTotal);
    expect(pages).toBe(Math.ceil(expectedTotal / 37));
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listRegistryImages': pages });
  });

  it('rejects a page larger than one upstream call can return, and a forged cursor, without calling upstream', async () => {
    const tooLarge = await stack.query(IMAGES_PAGE, { first: 201 });
    expect(errorCodes(tooLarge)).toEqual(['BAD_USER_INPUT']);
    const badCursor = await stack.query(IMAGES_PAGE, { first: 10, after: 'not-a-cursor' });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});

describe('enum mappings', () => {
  it('maps every image type, scan status, severity and failure code from the upstream record', async () => {
    const dataset = stack.simulator.control.dataset;
    const statuses = new Set<string>();
    const types = new Set<string>();
    let after: string | null = null;
    for (let pages = 0; pages < 3; pages += 1) {
      const page: Awaited<ReturnType<typeof stack.query<Page>>> = await stack.query<Page>(IMAGES_PAGE, {
        first: 200,
        after,
      });
      expect(page.body.errors).toBeUndefined();
      after = page.body.data!.containerImages.pageInfo.endCursor;
      for (const { node } of page.body.data!.containerImages.edges) {
        const record = dataset.findImage({
          type: WIRE_TYPE[node.type] as never,
          namespace: node.namespace,
          name: node.name,
          tag: node.tag,
        })!;
        expect(record).toBeDefined();
        expect(WIRE_STATUS[node.scan.status]).toBe(record.scan_status);
        expect(node.scan.severity === null ? '' : WIRE_SEVERITY[node.scan.severity]).toBe(
          record.severity_level,
        );
        expect(node.scan.failureCode?.toLowerCase() ?? '').toBe(record.scan_failed_code);
        expect(node.scan.lastScannedAt === null).toBe(record.latest_scan_time === 0);
        expect(node.latestVersion).toBe(record.latest_version);
        statuses.add(node.scan.status);
        types.add(node.type);
      }
    }
    // The default dataset spreads over the documented vocabularies; the mapping is checked for each seen.
    expect(types.size).toBeGreaterThanOrEqual(3);
    expect(statuses.size).toBeGreaterThanOrEqual(4);
  });

  it('filters by each image type and scan status through the upstream query parameters', async () => {
    for (const type of Object.keys(WIRE_TYPE)) {
      const response = await stack.query<Page>(IMAGES_PAGE, { first: 200, filter: { type } });
      expect(response.body.errors).toBeUndefined();
      for (const { node } of response.body.data!.containerImages.edges) expect(node.type).toBe(type);
    }
    for (const scanStatus of ['UNSCANNED', 'SUCCESS', 'SCANNING', 'FAILED', 'WAITING_FOR_SCAN']) {
      const response = await stack.query<Page>(IMAGES_PAGE, { first: 200, filter: { scanStatus } });
      expect(response.body.errors).toBeUndefined();
      for (const { node } of response.body.data!.containerImages.edges)
        expect(node.scan.status).toBe(scanStatus);
    }
    // HSS cannot filter on this status: a clear error instead of a silently wrong list.
    const unsupported = await stack.query(IMAGES_PAGE, {
      first: 10,
      filter: { scanStatus: 'DOWNLOAD_FAILED' },
    });
    expect(errorCodes(unsupported)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('lookups', () => {
  const BY_REF = /* GraphQL */ `
    query ByRef($type: ContainerImageType, $namespace: String, $name: String, $tag: String, $id: ID) {
      containerImage(type: $type, namespace: $namespace, name: $name, tag: $tag, id: $id) {
        id
        imageId
        reference
      }
    }
  `;

  it('finds an image by type + namespace + name + tag and again by its id, one call each', async () => {
    const record = stack.simulator.control.dataset.getImage(3);
    const type = Object.entries(WIRE_TYPE).find(([, wire]) => wire === record.image_type)![0];
    const byRef = await stack.query<{ containerImage: { id: string; imageId: string; reference: string } }>(
      BY_REF,
      {
        type,
        namespace: record.namespace,
        name: record.image_name,
        tag: record.image_version,
      },
    );
    expect(byRef.body.errors).toBeUndefined();
    expect(byRef.body.data!.containerImage.imageId).toBe(record.image_id);
    const byId = await stack.query<{ node: { id: string } | null }>(
      `query($id: ID!) { node(id: $id) { id ... on ContainerImage { imageId } } }`,
      {
        id: byRef.body.data!.containerImage.id,
      },
    );
    expect(byId.body.data!.node).toEqual({
      id: byRef.body.data!.containerImage.id,
      imageId: record.image_id,
    });
    expect(serviceCalls(stack.calls())['hss.listRegistryImages']).toBeLessThanOrEqual(2);
  });

  it('answers null with NOT_FOUND for an image that does not exist', async () => {
    const response = await stack.query(BY_REF, {
      type: 'PRIVATE',
      namespace: 'no-such-team',
      name: 'ghost',
      tag: '0.0.0',
    });
    expect(response.body.data).toEqual({ containerImage: null });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listRegistryImages': 1 });
  });

  it('refuses forged and malformed ids with BAD_USER_INPUT and no upstream call', async () => {
    const forged = Buffer.from('ci1:["private_image","team/../x","api","1.0","sha256:00"]').toString(
      'base64url',
    );
    for (const id of ['garbage', forged, Buffer.from('zz9:[]').toString('base64url'), 'a'.repeat(5000)]) {
      const response = await stack.query(BY_REF, { id });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
    const both = await stack.query(BY_REF, { id: 'x', type: 'PRIVATE', namespace: 'a', name: 'b', tag: 'c' });
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});

describe('bad input', () => {
  it('rejects a software name longer than HSS accepts, before any call', async () => {
    const response = await stack.query(
      `{ imageSoftware(filter: { name: "${'x'.repeat(33)}" }) { totalCount } }`,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0]!.message).toMatch(/32/);
    expect(serviceCalls(stack.calls())).toEqual({});
  });

  it('rejects scans of registries HSS cannot batch-scan and of both a list and all', async () => {
    const mutation = `mutation($input: ScanImagesInput!) { scanImages(input: $input) { accepted } }`;
    const harbor = await stack.query(mutation, { input: { imageType: 'HARBOR', all: true } });
    const both = await stack.query(mutation, {
      input: { imageType: 'PRIVATE', all: true, images: [{ namespace: 'a', name: 'b', tag: 'c' }] },
    });
    const unknownType = await stack.query(mutation, { input: { imageType: 'DOCKERHUB', all: true } });
    expect(errorCodes(harbor)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(unknownType)).toEqual(['BAD_USER_INPUT']);
    expect(serviceCalls(stack.calls())).toEqual({});
  });

  it('answers malformed JSON and unknown fields with a clear 400', async () => {
    const response = await request(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    const unknownField = await stack.query('{ containerImages { nodes { password } } }');
    expect(unknownField.status).toBe(400);
    expect(errorCodes(unknownField)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
