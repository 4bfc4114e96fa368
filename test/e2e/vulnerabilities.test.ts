/**
 * Vulnerabilities and baseline checks end to end, over HTTP against the simulator: the data matches what
 * the simulator holds, and the upstream calls (the simulator's own counts) are exactly the minimum, cold
 * and warm. Bad input is refused before any upstream call.
 */
import type { Dataset } from '../../src/simulator/data/dataset';
import { baselineChecksOf } from '../../src/simulator/data/baselineChecks';
import { imageVulnerabilities } from '../../src/simulator/data/imageVulnerabilities';
import { catalogVulnerabilityById } from '../../src/simulator/data/vulnerabilityCatalog';
import { containerImageId } from '../../src/graphql/ids';
import type { HssRegistryImage } from '../../src/upstream/hss/types';
import { errorCodes, operation, serviceCalls, startStack, type Stack } from './harness';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack({ simulator: { imageCount: 400, seed: 7 } });
});
afterEach(() => stack.close());

const dataset = () => stack.simulator.control.dataset as Dataset;
const images = (): HssRegistryImage[] =>
  Array.from({ length: dataset().imageCount }, (_, i) => dataset().getImage(i));
const idOf = (image: HssRegistryImage) =>
  containerImageId(
    { type: image.image_type, namespace: image.namespace, name: image.image_name, tag: image.image_version },
    image.image_id,
  );
const checksOf = (image: HssRegistryImage) =>
  baselineChecksOf(dataset(), dataset().imageIndexOf(image.image_id)!);

interface ImageVulnerabilitiesData {
  containerImage: {
    scan: { vulnerabilityCount: number; unsafeSettingCount: number };
    apps: {
      totalCount: number;
      nodes: {
        name: string;
        version: string;
        vulnerabilityCount: number;
        vulnerabilities: {
          id: string;
          repairNecessity: string;
          severity: string | null;
          maxCvssScore: number | null;
          cves: { id: string; cvssScore: number }[] | null;
          layerDigest: string;
          solution: string;
        }[];
      }[];
    };
    baselineChecks: {
      name: string;
      standard: string;
      ruleCount: number;
      failedRuleCount: number;
      failedRules: { name: string; result: string }[];
    }[];
  };
}

/** A scanned image with vulnerable software among its first 50 items, at most 200 vulnerabilities and failed baseline rules. */
function typicalImage(): HssRegistryImage {
  const image = images().find((candidate) => {
    if (candidate.scan_status !== 'success' || candidate.vul_num === 0 || candidate.vul_num > 200)
      return false;
    const apps = dataset().appsOfImage(candidate.image_id);
    return (
      apps.length <= 50 &&
      apps.filter((app) => app.vul_num > 0).length >= 5 &&
      checksOf(candidate).some((check) => check.failed.size > 0)
    );
  });
  if (!image) throw new Error('the generated dataset has no typical vulnerable image');
  return image;
}

/**
 * ListGeneralImageVuls calls the catalogue join makes for an image, by its documented rule over the
 * simulator's own list order: per type, pages of 200 until every id of the image was seen, the last one or
 * two by `vul_id` when that is fewer calls than the pages left. Calls in `made` (earlier requests, still
 * cached) cost nothing; those made here are added to it.
 */
function catalogueCalls(image: HssRegistryImage, made = new Set<string>()): number {
  const store = imageVulnerabilities(dataset());
  const rows = store.rowsOf(dataset().imageIndexOf(image.image_id)!);
  let calls = 0;
  const call = (key: string) => {
    if (!made.has(key)) calls += 1;
    made.add(key);
  };
  for (const type of ['linux_vul', 'app_vul'] as const) {
    const missing = new Set(rows.filter((row) => row.vul.type === type).map((row) => row.vul.vulId));
    const order = store
      .entries()
      .filter((entry) => entry.vul.type === type)
      .map((entry) => entry.vul.vulId);
    const pages = Math.ceil(order.length / 200);
    for (let page = 0; page < pages && missing.size > 0; page++) {
      if (page > 0 && missing.size <= 2 && missing.size < pages - page) {
        for (const vulId of missing) call(`${type} id ${vulId}`);
        break;
      }
      call(`${type} page ${page}`);
      for (const vulId of order.slice(page * 200, page * 200 + 200)) missing.delete(vulId);
    }
  }
  return calls;
}

/** Each vulnerability's CVEs, scores and severity are its entry in the simulator's catalogue. */
function expectCatalogueScores(nodes: ImageVulnerabilitiesData['containerImage']['apps']['nodes']): void {
  for (const vulnerability of nodes.flatMap((node) => node.vulnerabilities)) {
    const entry = catalogVulnerabilityById(dataset().seed, vulnerability.id)!;
    expect(vulnerability.cves).toEqual(entry.cves.map((cve) => ({ id: cve.cveId, cvssScore: cve.cvss })));
    expect(vulnerability.maxCvssScore).toBe(entry.maxCvss);
    expect(vulnerability.severity).toBe(entry.severity.toUpperCase());
  }
}

/** Every app lists exactly its share of the image's vulnerabilities (vendored copies share name and version). */
function expectEachAppsShare(
  image: HssRegistryImage,
  nodes: ImageVulnerabilitiesData['containerImage']['apps']['nodes'],
): void {
  const apps = dataset().appsOfImage(image.image_id);
  expect(nodes).toHaveLength(apps.length);
  const seen = new Set<string>();
  let distinct = 0;
  for (const node of nodes) {
    const sameItem = apps.filter((app) => app.app_name === node.name && app.app_version === node.version);
    expect(node.vulnerabilities).toHaveLength(sameItem.reduce((sum, app) => sum + app.vul_num, 0));
    for (const vulnerability of node.vulnerabilities) {
      expect(['IMMEDIATE', 'DELAYED', 'NOT_NEEDED']).toContain(vulnerability.repairNecessity);
      expect(sameItem.map((app) => app.layer_digest)).toContain(vulnerability.layerDigest);
      expect(vulnerability.solution.length).toBeGreaterThan(0);
    }
    const key = `${node.name}@${node.version}`;
    if (!seen.has(key)) distinct += node.vulnerabilities.length;
    seen.add(key);
  }
  expect(distinct).toBe(image.vul_num);
}

describe('ImageVulnerabilities', () => {
  it("serves every vulnerable app's vulnerabilities with one call per image, and checks with their failed rules", async () => {
    const image = typicalImage();
    const response = await stack.query<ImageVulnerabilitiesData>(operation('ImageVulnerabilities'), {
      id: idOf(image),
      appsFirst: 50,
    });
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data!.containerImage;
    expectEachAppsShare(image, data.apps.nodes);
    expectCatalogueScores(data.apps.nodes);

    const expectedChecks = checksOf(image);
    expect(data.baselineChecks.map((check) => [check.name, check.failedRuleCount])).toEqual(
      expectedChecks.map((check) => [check.check.checkName, check.failed.size]),
    );
    expect(data.baselineChecks.reduce((sum, check) => sum + check.failedRuleCount, 0)).toBe(
      image.unsafe_setting_num,
    );
    for (const check of data.baselineChecks) {
      expect(check.standard).toBe('HUAWEI');
      expect(check.failedRules).toHaveLength(check.failedRuleCount);
      expect(check.failedRules.every((rule) => rule.result === 'FAILED')).toBe(true);
    }

    const failedChecks = expectedChecks.filter((check) => check.failed.size > 0).length;
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listRegistryImages': 1,
      'hss.listImageApps': 1,
      // Five or more vulnerable apps, one call: the image's whole list, grouped per app in the gateway.
      'hss.listImageVulnerabilities': 1,
      'hss.listImageRiskConfigs': 1,
      // Only checks with failed rules are asked for them.
      'hss.listImageRiskConfigRules': failedChecks,
      // CVEs and scores: the vulnerability-centric list, read only as far as this image's ids.
      'hss.listGeneralImageVuls': catalogueCalls(image),
    });

    stack.resetCalls();
    const warm = await stack.query<ImageVulnerabilitiesData>(operation('ImageVulnerabilities'), {
      id: idOf(image),
      appsFirst: 50,
    });
    expect(warm.body).toEqual(response.body);
    expect(serviceCalls(stack.calls())).toEqual({});
  });

  it('shares the vulnerability list it read for CVEs with other images and with Query.vulnerabilities', async () => {
    // Images whose software fits the operation's 50 items, so every vulnerability of theirs is shown.
    const [first, second] = images().filter(
      (candidate) =>
        candidate.scan_status === 'success' &&
        candidate.vul_num > 0 &&
        dataset().appsOfImage(candidate.image_id).length <= 50,
    );
    const made = new Set<string>();
    await stack.query(operation('ImageVulnerabilities'), { id: idOf(first!) });
    expect(serviceCalls(stack.calls())['hss.listGeneralImageVuls']).toBe(catalogueCalls(first!, made));
    stack.resetCalls();
    const response = await stack.query<ImageVulnerabilitiesData>(operation('ImageVulnerabilities'), {
      id: idOf(second!),
    });
    expect(response.body.errors).toBeUndefined();
    expectCatalogueScores(response.body.data!.containerImage.apps.nodes);
    // Only the pages (or ids) the first image did not need are new.
    expect(serviceCalls(stack.calls())['hss.listGeneralImageVuls'] ?? 0).toBe(catalogueCalls(second!, made));
    stack.resetCalls();
    // The same pages as the vulnerability-centric list's own: warm for a page of 200.
    const list = await stack.query<{ vulnerabilities: { nodes: { id: string }[] } }>(
      '{ vulnerabilities(filter: { type: LINUX }, first: 200) { nodes { id } } }',
    );
    expect(list.body.data!.vulnerabilities.nodes).toHaveLength(200);
    expect(serviceCalls(stack.calls())).toEqual({});
  });

  it('costs nothing beyond the lookup for an image never scanned', async () => {
    const image = images().find((candidate) => candidate.latest_scan_time === 0)!;
    const response = await stack.query<ImageVulnerabilitiesData>(operation('ImageVulnerabilities'), {
      id: idOf(image),
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.containerImage.apps.totalCount).toBe(0);
    expect(response.body.data!.containerImage.baselineChecks).toEqual([]);
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listRegistryImages': 1 });
  });

  it('fetches an image of more than 200 vulnerabilities in as many pages as it needs, in parallel', async () => {
    const image = images().find((candidate) => candidate.vul_num > 200)!;
    expect(image).toBeDefined();
    const response = await stack.query<ImageVulnerabilitiesData>(operation('ImageVulnerabilities'), {
      id: idOf(image),
      appsFirst: 200,
    });
    expect(response.body.errors).toBeUndefined();
    expectEachAppsShare(image, response.body.data!.containerImage.apps.nodes);
    expect(serviceCalls(stack.calls())['hss.listImageVulnerabilities']).toBe(Math.ceil(image.vul_num / 200));
  });
});

describe('ImageApp.vulnerabilities from the software search', () => {
  it('joins each found item to its image and shares one vulnerability list per image', async () => {
    const response = await stack.query<{
      imageSoftware: {
        nodes: {
          name: string;
          version: string;
          path: string;
          vulnerabilityCount: number;
          image: { imageId: string } | null;
          vulnerabilities: { id: string; softwarePath: string | null }[] | null;
        }[];
      };
    }>(
      `{ imageSoftware(filter: { name: "openssl" }, first: 30) {
          nodes { name version path vulnerabilityCount image { imageId } vulnerabilities { id softwarePath } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data!.imageSoftware.nodes;
    const vulnerableImages = new Set<string>();
    for (const node of nodes) {
      expect(node.vulnerabilities).toHaveLength(node.vulnerabilityCount);
      for (const vulnerability of node.vulnerabilities ?? []) {
        if (vulnerability.softwarePath !== null) expect(vulnerability.softwarePath).toBe(node.path);
      }
      if (node.vulnerabilityCount > 0) vulnerableImages.add(node.image!.imageId);
    }
    expect(vulnerableImages.size).toBeGreaterThan(0);
    const calls = serviceCalls(stack.calls());
    expect(calls['hss.listGlobalImageApps']).toBe(1);
    expect(calls['hss.listImageVulnerabilities']).toBe(
      [...vulnerableImages].reduce((sum, imageId) => {
        const image = images().find((candidate) => candidate.image_id === imageId)!;
        return sum + Math.ceil(image.vul_num / 200);
      }, 0),
    );
  });
});

describe('ContainerImage.vulnerabilities', () => {
  const PAGE = /* GraphQL */ `
    query ($id: ID!, $filter: ImageVulnerabilityFilter, $first: Int, $after: String) {
      containerImage(id: $id) {
        vulnerabilities(filter: $filter, first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            softwareName
            softwarePath
            softwareVersion
            repairNecessity
            url
          }
        }
      }
    }
  `;
  interface PageData {
    containerImage: {
      vulnerabilities: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { id: string; softwareName: string; softwarePath: string | null; repairNecessity: string }[];
      };
    };
  }

  it('pages through one filtered call per page and maps the filter to HSS parameters', async () => {
    const image = images().find((candidate) => candidate.vul_num >= 30 && candidate.vul_num <= 200)!;
    const first = await stack.query<PageData>(PAGE, { id: idOf(image), first: 20 });
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data!.containerImage.vulnerabilities;
    expect(page.totalCount).toBe(image.vul_num);
    expect(page.nodes).toHaveLength(20);
    const second = await stack.query<PageData>(PAGE, {
      id: idOf(image),
      first: 20,
      after: page.pageInfo.endCursor,
    });
    const ids = [...page.nodes, ...second.body.data!.containerImage.vulnerabilities.nodes].map(
      (node) => `${node.id}|${node.softwareName}|${node.softwarePath}`,
    );
    expect(new Set(ids).size).toBe(ids.length);

    const linux = await stack.query<PageData>(PAGE, {
      id: idOf(image),
      first: 200,
      filter: { type: 'LINUX' },
    });
    const application = await stack.query<PageData>(PAGE, {
      id: idOf(image),
      first: 200,
      filter: { type: 'APPLICATION' },
    });
    const linuxPage = linux.body.data!.containerImage.vulnerabilities;
    const applicationPage = application.body.data!.containerImage.vulnerabilities;
    expect(linuxPage.totalCount + applicationPage.totalCount).toBe(image.vul_num);
    // HSS gives an install path for application vulnerabilities only.
    expect(linuxPage.nodes.every((node) => node.softwarePath === null)).toBe(true);
    expect(applicationPage.nodes.every((node) => node.softwarePath !== null)).toBe(true);
    // Lookup (1, then cached), unfiltered pages (2) and the two filtered ones.
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listRegistryImages': 1,
      'hss.listImageVulnerabilities': 4,
    });
  });

  it('refuses bad input before any upstream call', async () => {
    const image = images().find((candidate) => candidate.vul_num > 0)!;
    const cases: [Record<string, unknown>][] = [
      [{ first: 201 }],
      [{ first: 0 }],
      [{ filter: { repairNecessity: 'URGENT' } }],
      [{ filter: { id: 'x'.repeat(257) } }],
      [{ after: 'not-a-cursor' }],
    ];
    for (const [variables] of cases) {
      const response = await stack.query(PAGE, { id: idOf(image), ...variables });
      expect(errorCodes(response)).toContain('BAD_USER_INPUT');
    }
    // The image lookup runs before the field's arguments are checked; no vulnerability call is made.
    expect(serviceCalls(stack.calls())['hss.listImageVulnerabilities']).toBeUndefined();
  });
});

describe('Query.vulnerabilities', () => {
  const LIST = /* GraphQL */ `
    query ($filter: VulnerabilityFilter!, $first: Int, $imagesFirst: Int = 5) {
      vulnerabilities(filter: $filter, first: $first) {
        totalCount
        nodes {
          id
          name
          type
          severity
          maxCvssScore
          affectedImageCount
          lastScannedAt
          cves {
            id
            cvssScore
          }
          affectedImages(first: $imagesFirst) {
            totalCount
            nodes {
              imageId
              severity
              image {
                id
                reference
                scan {
                  vulnerabilityCount
                }
              }
            }
          }
        }
      }
    }
  `;
  interface ListData {
    vulnerabilities: {
      totalCount: number;
      nodes: {
        id: string;
        type: string;
        severity: string;
        maxCvssScore: number;
        affectedImageCount: number;
        cves: { id: string; cvssScore: number }[];
        affectedImages: {
          totalCount: number;
          nodes: {
            imageId: string;
            severity: string;
            image: { id: string; scan: { vulnerabilityCount: number } } | null;
          }[];
        };
      }[];
    };
  }

  it('lists vulnerabilities with CVEs and scores, joined back to the images that have them', async () => {
    const response = await stack.query<ListData>(LIST, {
      filter: { type: 'APPLICATION', severity: 'CRITICAL' },
      first: 3,
      imagesFirst: 5,
    });
    expect(response.body.errors).toBeUndefined();
    const list = response.body.data!.vulnerabilities;
    expect(list.nodes.length).toBeGreaterThan(0);
    const repositories = new Set<string>();
    for (const vulnerability of list.nodes) {
      expect(vulnerability).toMatchObject({ type: 'APPLICATION', severity: 'CRITICAL' });
      expect(vulnerability.maxCvssScore).toBeGreaterThanOrEqual(9);
      expect(vulnerability.cves.length).toBeGreaterThan(0);
      expect(Math.max(...vulnerability.cves.map((cve) => cve.cvssScore))).toBe(vulnerability.maxCvssScore);
      expect(vulnerability.affectedImages.totalCount).toBe(vulnerability.affectedImageCount);
      for (const affected of vulnerability.affectedImages.nodes) {
        expect(affected.image).not.toBeNull();
        expect(affected.image!.scan.vulnerabilityCount).toBeGreaterThan(0);
        const record = images().find((image) => image.image_id === affected.imageId)!;
        repositories.add(`${record.image_type}/${record.namespace}/${record.image_name}`);
      }
    }
    // CVEs came inline: no ListVulnerabilityCve. One affected-image list per vulnerability, one registry
    // list per distinct repository among the affected images.
    expect(serviceCalls(stack.calls())).toEqual({
      'hss.listGeneralImageVuls': 1,
      'hss.listVulAffectImages': list.nodes.length,
      'hss.listRegistryImages': repositories.size,
    });
  });

  it('names the software of one image behind a vulnerability', async () => {
    const list = await stack.query<ListData>(LIST, { filter: { type: 'LINUX' }, first: 1, imagesFirst: 1 });
    const vulnerability = list.body.data!.vulnerabilities.nodes[0]!;
    const image = vulnerability.affectedImages.nodes[0]!.image!;
    stack.resetCalls();
    const response = await stack.query<{
      vulnerabilities: {
        nodes: {
          affectedSoftware: {
            name: string;
            locations: { version: string; path: string; status: string }[];
          }[];
        }[];
      };
    }>(
      `query ($filter: VulnerabilityFilter!, $image: ID!) {
        vulnerabilities(filter: $filter, first: 1) { nodes { affectedSoftware(image: $image) { name locations { version path status } } } }
      }`,
      { filter: { type: 'LINUX' }, image: image.id },
    );
    expect(response.body.errors).toBeUndefined();
    const software = response.body.data!.vulnerabilities.nodes[0]!.affectedSoftware;
    expect(software.length).toBeGreaterThan(0);
    expect(software[0]!.locations[0]!.status).toBe('UNFIXED');
    // The list is warm (fresh within its TTL); only the per-image software list is new.
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listVulAffectImageApps': 1 });
  });

  it('refuses bad input before any upstream call', async () => {
    const cases: Record<string, unknown>[] = [
      { filter: { type: 'LINUX', severity: 'SEVERE' } },
      { filter: { type: 'LINUX', cveId: `CVE-${'9'.repeat(253)}` } },
      { filter: { type: 'LINUX' }, first: 201 },
      { filter: { severity: 'HIGH' } },
    ];
    for (const variables of cases) {
      const response = await stack.query(LIST, variables);
      expect(errorCodes(response)).toContain('BAD_USER_INPUT');
    }
    const badImage = await stack.query(
      `query { vulnerabilities(filter: { type: LINUX }, first: 1) { nodes { affectedSoftware(image: "nope") { name } } } }`,
    );
    expect(errorCodes(badImage)).toContain('BAD_USER_INPUT');
    expect(serviceCalls(stack.calls())).toEqual({ 'hss.listGeneralImageVuls': 1 });
  });
});
