/**
 * Vulnerability resolvers over fake clients, for what the simulator never sends: a list entry without
 * inline CVEs (then ListVulnerabilityCve is asked, once per vulnerability), and vocabulary values HSS may
 * add later (null, not a failed response).
 */
import type { HssGeneralImageVul } from '../../src/upstream/hss/vulnerabilityTypes';
import { run } from '../graphql/support/execute';
import { createFakeUpstream } from '../graphql/support/fakeUpstream';

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
    data_list: [
      entry({}),
      entry({
        vul_id: 'CVE-2024-2',
        type: 'app_vul',
        cve_list: [{ cve_id: 'CVE-2024-2', cvss: 9.1 }],
        severity_level: 'Critical',
        max_cvss_score: 9.1,
      }),
    ],
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
