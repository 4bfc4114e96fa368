/**
 * CI/CD pipeline images and node-local images over HTTP against the simulator: lists, node(id), their
 * file statistics and software, software searches by kind opening `.image`, bad input — with the exact
 * upstream calls the simulator counted, cold and warm.
 */
import type { CicdImageEntry, LocalImageEntry } from '../../src/simulator/data/imageKinds';
import { errorCodes, operation, serviceCalls, startStack, type Stack } from './harness';
import { startRecordingProxy, type RecordingProxy } from './support/recordingProxy';

interface Stat {
  fileCount: number;
  totalSizeBytes: number;
}
interface PipelineNode {
  id: string;
  imageId: string;
  reference: string;
  pipelineType: string;
  scan: { status: string; lastScannedAt: string | null };
  fileStatistics: Stat | null;
  apps: { totalCount: number; nodes: { name: string }[] };
}
interface Pipeline {
  cicdImages: { totalCount: number; nodes: PipelineNode[] };
}

let stack: Stack;
let proxy: RecordingProxy;
beforeEach(async () => {
  // HSS goes through a recording proxy, so tests can assert the exact request the gateway sent.
  proxy = await startRecordingProxy();
  stack = await startStack({ env: { HWC_HSS_ENDPOINT: proxy.url } });
  proxy.target = stack.simulator.url;
});
afterEach(async () => {
  await stack.close();
  await proxy.close();
});

const kinds = () => stack.simulator.control.dataset.imageKinds;
const everScanned = (entry: CicdImageEntry | LocalImageEntry) => entry.record.latest_scan_time > 0;

describe('CI/CD pipeline images', () => {
  it('lists a pipeline view with statistics and software for 1 + 2 per scanned image, and 0 warm', async () => {
    const variables = { filter: { pipelineType: 'JENKINS' }, first: 20 };
    const response = await stack.query<Pipeline>(operation('CicdPipeline'), variables);
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data!.cicdImages;
    const jenkins = kinds().cicd.filter((entry) => entry.record.pipeline_type === 'jenkins');
    expect(page.totalCount).toBe(jenkins.length);
    const shown = jenkins.slice(0, 20);
    expect(page.nodes.map((node) => node.imageId)).toEqual(shown.map((entry) => entry.record.image_id));
    for (const [index, node] of page.nodes.entries()) {
      const entry = shown[index]!;
      expect(node.pipelineType).toBe('JENKINS');
      const expected = everScanned(entry) ? kinds().cicdFilesStat(entry) : null;
      expect(node.fileStatistics).toEqual(
        expected && { fileCount: expected.total_files_num, totalSizeBytes: expected.total_files_size },
      );
      expect(node.apps.totalCount).toBe(kinds().appsOf(entry).length);
    }
    const scanned = shown.filter(everScanned).length;
    expect(scanned).toBeGreaterThan(0);
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listCicdImages': 1,
      'hss.showImageFilesStat': scanned,
      'hss.listImageApps': scanned,
    });

    stack.resetCalls();
    const again = await stack.query<Pipeline>(operation('CicdPipeline'), variables);
    expect(again.body.data).toEqual(response.body.data);
    // Every per-image answer is cached under the image's scan state, whatever that state is.
    expect(serviceCalls(stack.calls())).toEqual({});
  });

  it('asks the files statistics of a CI/CD image with image_type=cicd and the image id only', async () => {
    const entry = kinds().cicd.find((candidate) => candidate.scan.status === 'success')!;
    const list = await stack.query<Pipeline>(
      `query($id: String) { cicdImages(filter: { imageId: $id }) { nodes { id } } }`,
      { id: entry.record.image_id },
    );
    const id = list.body.data!.cicdImages.nodes[0]!.id;
    stack.resetCalls();
    proxy.requests.length = 0;

    const opened = await stack.query<{ node: PipelineNode }>(
      `query($id: ID!) { node(id: $id) { ... on CicdImage { reference fileStatistics { fileCount totalSizeBytes } } } }`,
      { id },
    );
    expect(opened.body.errors).toBeUndefined();
    const stat = kinds().cicdFilesStat(entry);
    expect(opened.body.data!.node.fileStatistics).toEqual({
      fileCount: stat.total_files_num,
      totalSizeBytes: stat.total_files_size,
    });
    // node(id) finds the image with one list filtered by its id, then asks its statistics.
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listCicdImages': 1, 'hss.showImageFilesStat': 1 });
    const statRequest = proxy.requests.find((target) => target.includes('/files-statistics'))!;
    const url = new URL(statRequest, 'http://proxy');
    expect(url.pathname).toBe(
      `/v5/${stack.simulator.projectId}/image/${entry.record.image_id}/files-statistics`,
    );
    expect([...url.searchParams]).toEqual([['image_type', 'cicd']]);
  });

  it('opens a CI/CD image by id with its software, and refuses an id of another type', async () => {
    const entry = kinds().cicd.find((candidate) => candidate.scan.status === 'success')!;
    const list = await stack.query<Pipeline>(
      `query($ns: String, $name: String) { cicdImages(filter: { namespace: $ns, name: $name }, first: 50) { nodes { id imageId } } }`,
      { ns: entry.record.namespace, name: entry.record.image_name },
    );
    const id = list.body.data!.cicdImages.nodes.find((node) => node.imageId === entry.record.image_id)!.id;
    stack.resetCalls();
    const opened = await stack.query<{ cicdImage: PipelineNode }>(
      `query($id: ID!) { cicdImage(id: $id) { imageId reference apps(first: 200) { totalCount nodes { name } } } }`,
      { id },
    );
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data!.cicdImage.apps.nodes.map((app) => app.name)).toEqual(
      kinds()
        .appsOf(entry)
        .map((app) => app.app_name),
    );
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listCicdImages': 1, 'hss.listImageApps': 1 });

    stack.resetCalls();
    const wrong = await stack.query(`query($id: ID!) { localImage(id: $id) { imageId } }`, { id });
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});

describe('node-local images', () => {
  it('lists local images with hosts, containers and components, and opens one by node(id) with its software', async () => {
    const response = await stack.query<{
      localImages: {
        totalCount: number;
        nodes: {
          id: string;
          imageId: string;
          hostCount: number;
          containerCount: number;
          componentCount: number;
          host: { name: string } | null;
          scan: { status: string };
        }[];
      };
    }>(
      `{ localImages(first: 50, filter: { hostName: "cce-node" }) { totalCount nodes { id imageId hostCount containerCount componentCount host { name } scan { status } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data!.localImages;
    expect(page.totalCount).toBe(kinds().local.length);
    const first = kinds().local[0]!;
    expect(page.nodes[0]).toMatchObject({
      imageId: first.record.image_id,
      hostCount: first.hosts.length,
      containerCount: first.containers.length,
      componentCount: first.record.component_num,
      host: { name: first.hosts[0]!.name },
    });
    // HSS answers `waiting` in this list; the graph speaks one vocabulary for every kind.
    const waiting = kinds().local.findIndex((entry) => entry.record.scan_status === 'waiting');
    if (waiting >= 0 && waiting < 50) expect(page.nodes[waiting]!.scan.status).toBe('WAITING_FOR_SCAN');
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listImageLocal': 1 });

    const index = kinds().local.findIndex((entry) => entry.scan.status === 'success');
    const entry = kinds().local[index]!;
    stack.resetCalls();
    const opened = await stack.query<{ node: { reference: string; apps: { totalCount: number } } }>(
      `query($id: ID!) { node(id: $id) { ... on LocalImage { reference apps(first: 10) { totalCount } } } }`,
      { id: page.nodes[index]!.id },
    );
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data!.node).toEqual({
      reference: `${entry.record.image_name}:${entry.record.image_version}`,
      apps: { totalCount: kinds().appsOf(entry).length },
    });
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listImageLocal': 1, 'hss.listLocalImageAppInfo': 1 });
  });
});

describe('software found in CI/CD and local images', () => {
  const search = `query($kind: ImageKind) {
    imageSoftware(filter: { name: "openssl", imageKind: $kind }, first: 50) {
      totalCount
      nodes {
        name
        image {
          __typename id imageId kind reference
          ... on CicdImage { fileStatistics { fileCount } }
        }
      }
    }
  }`;
  interface Search {
    imageSoftware: {
      totalCount: number;
      nodes: {
        name: string;
        image: {
          __typename: string;
          id: string;
          imageId: string;
          kind: string;
          fileStatistics?: Stat;
        } | null;
      }[];
    };
  }

  it('opens the CI/CD image of every openssl row: 1 + one list per repository + statistics per image; 0 warm', async () => {
    const response = await stack.query<Search>(search, { kind: 'CICD' });
    expect(response.body.errors).toBeUndefined();
    const rows = response.body.data!.imageSoftware.nodes;
    expect(rows.length).toBeGreaterThan(0);
    const images = new Set<string>();
    const repositories = new Set<string>();
    for (const row of rows) {
      expect(row.name).toContain('openssl');
      expect(row.image).toMatchObject({ __typename: 'CicdImage', kind: 'CICD' });
      const entry = kinds().cicdImage(row.image!.imageId)!;
      expect(row.image!.fileStatistics).toEqual({ fileCount: kinds().cicdFilesStat(entry).total_files_num });
      images.add(entry.record.image_id);
      repositories.add(`${entry.record.namespace}/${entry.record.image_name}`);
    }
    const perRepository = [...repositories].map(
      (repo) => kinds().cicd.filter((e) => `${e.record.namespace}/${e.record.image_name}` === repo).length,
    );
    // A repository with one image on the page is found by its id; several by one repository-wide list
    // (≤200 images: one page).
    expect(perRepository.every((count) => count <= 200)).toBe(true);
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listGlobalImageApps': 1,
      'hss.listCicdImages': repositories.size,
      'hss.showImageFilesStat': images.size,
    });

    stack.resetCalls();
    const again = await stack.query<Search>(search, { kind: 'CICD' });
    expect(again.body.data).toEqual(response.body.data);
    expect(serviceCalls(stack.calls())).toEqual({});
  });

  it('opens the local image of every openssl row: 1 + one list per image name; 0 warm', async () => {
    const response = await stack.query<Search>(search, { kind: 'LOCAL' });
    expect(response.body.errors).toBeUndefined();
    const rows = response.body.data!.imageSoftware.nodes;
    expect(rows.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const row of rows) {
      expect(row.image).toMatchObject({ __typename: 'LocalImage', kind: 'LOCAL' });
      names.add(kinds().localImage(row.image!.imageId)!.record.image_name);
    }
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listGlobalImageApps': 1,
      'hss.listImageLocal': names.size,
    });
    stack.resetCalls();
    const again = await stack.query<Search>(search, { kind: 'LOCAL' });
    expect(again.body.data).toEqual(response.body.data);
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});

describe('bad input', () => {
  it.each<[string, string, Record<string, unknown>]>([
    [
      'an unknown pipeline type',
      'query($f: CicdImageFilter) { cicdImages(filter: $f) { totalCount } }',
      { f: { pipelineType: 'GITLAB' } },
    ],
    [
      'an over-long CI/CD pipeline name',
      'query($f: CicdImageFilter) { cicdImages(filter: $f) { totalCount } }',
      { f: { pipelineName: 'p'.repeat(129) } },
    ],
    ['first above 200', 'query { cicdImages(first: 201) { totalCount } }', {}],
    [
      'a scan status HSS cannot filter on',
      'query { cicdImages(filter: { scanStatus: DOWNLOAD_FAILED }) { totalCount } }',
      {},
    ],
    ['a malformed CI/CD image id', 'query { cicdImage(id: "bm90LWFuLWlk") { imageId } }', {}],
    ['a local tag without a name', 'query { localImages(filter: { tag: "1.0" }) { totalCount } }', {}],
    [
      'an over-long local host name',
      'query($h: String) { localImages(filter: { hostName: $h }) { totalCount } }',
      { h: 'h'.repeat(257) },
    ],
    ['first above 200 for local images', 'query { localImages(first: 500) { totalCount } }', {}],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_what, document, variables) => {
    const response = await stack.query(document, variables);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(serviceCalls(stack.calls())).toEqual({});
  });
});
