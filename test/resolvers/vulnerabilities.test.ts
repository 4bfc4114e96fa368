/**
 * Vulnerability resolvers over fake clients, for what the simulator never sends: a list entry without
 * inline CVEs (then ListVulnerabilityCve is asked, once per vulnerability), vocabulary values HSS may
 * add later (null, not a failed response), and an image's vulnerability the vulnerability list lacks.
 */
import type { HssGeneralImageVul } from '../../src/upstream/hss/vulnerabilityTypes';
import { containerImageId } from '../../src/graphql/ids';
import { run } from '../graphql/support/execute';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';
import { makeImage } from '../graphql/support/fixtures';

function entry(overrides: Partial<HssGeneralImageVul>): HssGeneralImageVul {
  return {
    vul_id: 'EulerOS-SA-2024-1',
    vul_name: 'openssl: heap overflow',
    type: 'linux_vul',
    image_type: 'registry',
    label_list: [],
    severity_level: 'High',
    image_num: 2,
    cve_list: [],
    max_cvss_score: 0,
    scan_time: 1_700_000_000_000,
    description: '',
    url: '',
    solution_detail: 'Update openssl.',
    cluster_num: 0,
    ...overrides,
  };
}

/** An application vulnerability with one inline CVE of 9.1. */
const criticalAppEntry = () =>
  entry({
    vul_id: 'CVE-2024-2',
    type: 'app_vul',
    cve_list: [{ cve_id: 'CVE-2024-2', cvss: 9.1 }],
    severity_level: 'Critical',
    max_cvss_score: 9.1,
  });

const QUERY = `query ($filter: VulnerabilityFilter!) {
  vulnerabilities(filter: $filter, first: 5) {
    nodes { id type severity maxCvssScore solution cves { id cvssScore publishedAt description } }
  }
}`;

it('asks ListVulnerabilityCve for a vulnerability without inline CVEs, and only for it', async () => {
  const upstream = createFakeUpstream({});
  const hss = upstream.clients.hss;
  hss.listGeneralImageVuls = async () => ({
    total_num: 2,
    data_list: [entry({}), criticalAppEntry()],
  });
  const asked: string[] = [];
  hss.listVulnerabilityCve = async (vulId) => {
    asked.push(vulId);
    return {
      total_num: 1,
      data_list: [
        { cve_id: 'CVE-2024-1', cvss_score: 7.5, publish_time: 1_690_000_000_000, description: 'overflow' },
      ],
    };
  };
  const result = await run(upstream, QUERY, { filter: { type: 'LINUX' } });
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    vulnerabilities: {
      nodes: [
        {
          id: 'EulerOS-SA-2024-1',
          type: 'LINUX',
          severity: 'HIGH',
          maxCvssScore: null,
          solution: 'Update openssl.',
          cves: [
            {
              id: 'CVE-2024-1',
              cvssScore: 7.5,
              publishedAt: '2023-07-22T04:26:40.000Z',
              description: 'overflow',
            },
          ],
        },
        {
          id: 'CVE-2024-2',
          type: 'APPLICATION',
          severity: 'CRITICAL',
          maxCvssScore: 9.1,
          solution: 'Update openssl.',
          cves: [{ id: 'CVE-2024-2', cvssScore: 9.1, publishedAt: null, description: null }],
        },
      ],
    },
  });
  expect(asked).toEqual(['EulerOS-SA-2024-1']);
});

it('answers null for vocabulary values it does not know instead of failing the response', async () => {
  const upstream = createFakeUpstream({});
  upstream.clients.hss.listGeneralImageVuls = async () => ({
    total_num: 1,
    data_list: [
      entry({ type: 'kernel_vul', severity_level: 'Urgent', cve_list: [{ cve_id: 'CVE-1', cvss: 5 }] }),
    ],
  });
  const result = await run(upstream, QUERY, { filter: { type: 'LINUX' } });
  expect(result.errors).toBeUndefined();
  expect(result.data).toMatchObject({ vulnerabilities: { nodes: [{ type: null, severity: null }] } });
});

describe("an image's vulnerabilities with their CVEs", () => {
  const IMAGE_QUERY = `query ($id: ID!) {
    containerImage(id: $id) {
      vulnerabilities(first: 10) { nodes { id severity maxCvssScore cves { id cvssScore } } }
    }
  }`;
  const row = (vulId: string, appPath: string) => ({
    vul_id: vulId,
    repair_necessity: 'immediate_repair',
    description: '',
    position: 'sha256:layer',
    app_name: 'openssl',
    app_path: appPath,
    version: '1.1.1k',
    solution: 'Update.',
    url: '',
  });

  it("takes each from the vulnerability list of its path's type, and answers null for an id it does not hold", async () => {
    const image = makeImage({ vul_num: 3 });
    const upstream = createFakeUpstream({ images: [image] });
    const hss = upstream.clients.hss;
    hss.listImageVulnerabilities = async () => ({
      total_num: 3,
      data_list: [
        row('EulerOS-SA-2024-1', ''),
        row('CVE-2024-2', '/app/lib/openssl.jar'),
        row('EulerOS-SA-2024-9', ''),
      ],
    });
    const asked: unknown[] = [];
    hss.listGeneralImageVuls = async (query) => {
      asked.push(query);
      const linux = [entry({ cve_list: [{ cve_id: 'CVE-2024-1', cvss: 7.5 }], max_cvss_score: 7.5 })];
      const app = [
        criticalAppEntry(),
        // Listed, but as an application vulnerability: never taken for the OS row of the same id.
        entry({ vul_id: 'EulerOS-SA-2024-9', type: 'app_vul', cve_list: [{ cve_id: 'CVE-9', cvss: 1 }] }),
      ];
      const list = query.type === 'linux_vul' ? linux : app;
      return { total_num: list.length, data_list: list };
    };
    const id = containerImageId(
      {
        type: image.image_type,
        namespace: image.namespace,
        name: image.image_name,
        tag: image.image_version,
      },
      image.image_id,
    );
    const result = await run(upstream, IMAGE_QUERY, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      containerImage: {
        vulnerabilities: {
          nodes: [
            {
              id: 'EulerOS-SA-2024-1',
              severity: 'HIGH',
              maxCvssScore: 7.5,
              cves: [{ id: 'CVE-2024-1', cvssScore: 7.5 }],
            },
            {
              id: 'CVE-2024-2',
              severity: 'CRITICAL',
              maxCvssScore: 9.1,
              cves: [{ id: 'CVE-2024-2', cvssScore: 9.1 }],
            },
            { id: 'EulerOS-SA-2024-9', severity: null, maxCvssScore: null, cves: null },
          ],
        },
      },
    });
    // One page of each list, shared by all three rows and all three fields.
    expect(asked).toEqual([
      { type: 'linux_vul', handle_status: 'unhandled', image_type: 'registry', offset: 0, limit: 200 },
      { type: 'app_vul', handle_status: 'unhandled', image_type: 'registry', offset: 0, limit: 200 },
    ]);
  });
});
