/**
 * The simulator's vulnerability and baseline-check APIs: consistent with the images and software it
 * already serves, and validating every documented parameter with the documented error bodies.
 */
import type { RunningSimulator } from '../../src/simulator';
import type { Dataset } from '../../src/simulator/data/dataset';
import { baselineChecksOf } from '../../src/simulator/data/baselineChecks';
import type { HssRegistryImage } from '../../src/upstream/hss/types';
import { imageVulnerabilities } from '../../src/simulator/data/imageVulnerabilities';
import { call, hss, qs, startWithToken, type QueryParams } from './helpers';

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  ({ sim, token } = await startWithToken({ imageCount: 300, seed: 5 }));
});
afterAll(() => sim.stop());

/** The simulator's own data model (the public `SimulatorDataset` is its read-only face). */
const internals = () => sim.control.dataset as Dataset;
const get = (path: string, params: QueryParams = {}) =>
  call(sim, hss(sim, `${path}${qs(params)}`), { token });

function images(): HssRegistryImage[] {
  return Array.from({ length: sim.control.dataset.imageCount }, (_, i) => sim.control.dataset.getImage(i));
}
const refParams = (image: HssRegistryImage) => ({
  image_type: image.image_type,
  namespace: image.namespace,
  image_name: image.image_name,
  tag_name: image.image_version,
});
const imageVuls = (image: HssRegistryImage, params: QueryParams = {}) =>
  get(`/image/${encodeURIComponent(image.image_id)}/vulnerabilities`, { ...refParams(image), ...params });
const vulnerableImage = (minimum = 1) => images().find((image) => image.vul_num >= minimum)!;

describe('consistency over the generated dataset', () => {
  it("splits every image's vul_num exactly over its software records", () => {
    const dataset = sim.control.dataset;
    let checked = 0;
    for (const image of images()) {
      const apps = dataset.appsOfImage(image.image_id);
      const rows = imageVulnerabilities(internals()).rowsOf(dataset.imageIndexOf(image.image_id)!);
      expect(rows).toHaveLength(image.vul_num);
      expect(apps.reduce((sum, app) => sum + app.vul_num, 0)).toBe(image.vul_num);
      for (const app of apps) {
        expect(rows.filter((row) => row.record === app)).toHaveLength(app.vul_num);
      }
      if (image.vul_num > 0) checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('serves one image its rows, each naming a software item of that image, with its layer', async () => {
    const image = vulnerableImage(30);
    const first = await imageVuls(image, { limit: 200 });
    expect(first.status).toBe(200);
    expect(first.json.total_num).toBe(image.vul_num);
    const apps = sim.control.dataset.appsOfImage(image.image_id);
    const perApp = new Map<string, number>();
    for (const row of first.json.data_list) {
      const app = apps.find(
        (candidate) => candidate.app_name === row.app_name && candidate.app_version === row.version,
      );
      expect(app).toBeDefined();
      expect(row.position).toBe(app!.layer_digest);
      expect(['immediate_repair', 'delay_repair', 'not_needed_repair']).toContain(row.repair_necessity);
      expect(row.url).toMatch(/^https:\/\//);
      expect(row.solution.length).toBeGreaterThan(0);
      perApp.set(row.app_name, (perApp.get(row.app_name) ?? 0) + 1);
    }
    if (image.vul_num <= 200) {
      for (const [name, count] of perApp) {
        expect(count).toBe(
          apps.filter((app) => app.app_name === name).reduce((sum, app) => sum + app.vul_num, 0),
        );
      }
    }
    const filtered = await imageVuls(image, { app_name: first.json.data_list[0].app_name, limit: 200 });
    expect(
      filtered.json.data_list.every((row: { app_name: string }) =>
        row.app_name.includes(first.json.data_list[0].app_name),
      ),
    ).toBe(true);
    const linux = await imageVuls(image, { type: 'linux_vul', limit: 10 });
    const app = await imageVuls(image, { type: 'app_vul', limit: 10 });
    expect(linux.json.total_num + app.json.total_num).toBe(image.vul_num);
    // repair_necessity follows the vulnerability's severity as documented: immediate = critical/high,
    // delay = medium, not needed = low.
    const necessityOf = {
      Critical: 'immediate_repair',
      High: 'immediate_repair',
      Medium: 'delay_repair',
      Low: 'not_needed_repair',
    };
    for (const row of first.json.data_list.slice(0, 10)) {
      const type = row.app_path ? 'app_vul' : 'linux_vul';
      const general = await get('/images/vulnerabilities', {
        type,
        handle_status: 'unhandled',
        image_type: 'registry',
        vul_id: row.vul_id,
      });
      const entry = general.json.data_list.find(
        (candidate: { vul_id: string }) => candidate.vul_id === row.vul_id,
      );
      expect(row.repair_necessity).toBe(necessityOf[entry.severity_level as keyof typeof necessityOf]);
    }
    const handled = await imageVuls(image, { handle_status: 'handled' });
    expect(handled.json).toEqual({ total_num: 0, data_list: [] });
  });

  it('lists vulnerabilities with CVSS-scored CVEs, severities from the top score, and consistent counts', async () => {
    const linux = await get('/images/vulnerabilities', {
      type: 'linux_vul',
      handle_status: 'unhandled',
      image_type: 'registry',
      limit: 200,
    });
    const app = await get('/images/vulnerabilities', {
      type: 'app_vul',
      handle_status: 'unhandled',
      image_type: 'registry',
      limit: 200,
    });
    expect(linux.status).toBe(200);
    expect(linux.json.total_num).toBeGreaterThan(0);
    expect(app.json.total_num).toBeGreaterThan(0);
    const severityOf = (score: number) =>
      score >= 9 ? 'Critical' : score >= 7 ? 'High' : score >= 4 ? 'Medium' : 'Low';
    for (const vul of [...linux.json.data_list, ...app.json.data_list]) {
      expect(vul.cve_list.length).toBeGreaterThan(0);
      for (const cve of vul.cve_list) {
        expect(cve.cve_id).toMatch(/^CVE-\d{4}-\d+$/);
        expect(cve.cvss).toBeGreaterThanOrEqual(0);
        expect(cve.cvss).toBeLessThanOrEqual(10);
      }
      expect(vul.max_cvss_score).toBe(Math.max(...vul.cve_list.map((cve: { cvss: number }) => cve.cvss)));
      expect(vul.severity_level).toBe(severityOf(vul.max_cvss_score));
      expect(vul.image_num).toBeGreaterThan(0);
    }
    // The number of affected images is what the per-image lists say.
    const vul = linux.json.data_list[0];
    const affected = images().filter((image) =>
      imageVulnerabilities(internals())
        .rowsOf(sim.control.dataset.imageIndexOf(image.image_id)!)
        .some((row) => row.vul.vulId === vul.vul_id),
    );
    expect(vul.image_num).toBe(affected.length);
    const list = await get('/vulnerability/images', {
      is_handled: false,
      vul_id: vul.vul_id,
      type: 'linux_vul',
      image_type: 'registry',
      limit: 200,
    });
    expect(list.json.total_num).toBe(affected.length);
    expect(list.json.data_list.map((row: { image_id: string }) => row.image_id).sort()).toEqual(
      affected
        .slice(0, 200)
        .map((image) => image.image_id)
        .sort(),
    );
    const row = list.json.data_list[0];
    const image = affected.find((candidate) => candidate.image_id === row.image_id)!;
    expect(row).toMatchObject({
      organization: image.namespace,
      image_name: image.image_name,
      image_version: image.image_version,
      registry_type: image.registry_type,
      repair_necessity: vul.severity_level,
      latest_scan_time: String(image.latest_scan_time),
    });
    // CVE details agree with the inline list.
    const cves = await get(`/image/vulnerability/${encodeURIComponent(vul.vul_id)}/cve`, {});
    expect(
      cves.json.data_list.map((cve: { cve_id: string; cvss_score: number }) => [cve.cve_id, cve.cvss_score]),
    ).toEqual(vul.cve_list.map((cve: { cve_id: string; cvss: number }) => [cve.cve_id, cve.cvss]));
    // The software of that image behind the vulnerability, with its paths.
    const apps = await get(`/image/vulnerability/${encodeURIComponent(image.image_id)}/apps`, {
      is_handled: false,
      image_type: 'registry',
      vul_id: vul.vul_id,
    });
    expect(apps.status).toBe(200);
    expect(apps.json.total_num).toBeGreaterThan(0);
    for (const affectedApp of apps.json.data_list) {
      expect(affectedApp.paths.length).toBeGreaterThan(0);
      expect(
        sim.control.dataset
          .appsOfImage(image.image_id)
          .some((record) => record.app_name === affectedApp.app_name),
      ).toBe(true);
    }
    // Filters narrow consistently.
    const byCve = await get('/images/vulnerabilities', {
      type: 'linux_vul',
      handle_status: 'unhandled',
      image_type: 'registry',
      cve_id: vul.cve_list[0].cve_id,
    });
    expect(byCve.json.data_list.map((entry: { vul_id: string }) => entry.vul_id)).toEqual([vul.vul_id]);
    const high = await get('/images/vulnerabilities', {
      type: 'app_vul',
      handle_status: 'unhandled',
      image_type: 'registry',
      severity_level: 'High',
      limit: 200,
    });
    expect(
      high.json.data_list.every((entry: { severity_level: string }) => entry.severity_level === 'High'),
    ).toBe(true);
  });

  it("lists every vulnerability of every image's own list in the vulnerability-centric list, with the same CVEs", async () => {
    // The whole vulnerability-centric list of both types, as a client pages it.
    const catalogue = new Map<string, { type: string; cve_list: { cve_id: string; cvss: number }[] }>();
    for (const type of ['linux_vul', 'app_vul']) {
      for (let offset = 0, total = 1; offset < total; offset += 200) {
        const page = await get('/images/vulnerabilities', {
          type,
          handle_status: 'unhandled',
          image_type: 'registry',
          offset,
          limit: 200,
        });
        expect(page.status).toBe(200);
        total = page.json.total_num;
        for (const entry of page.json.data_list) catalogue.set(entry.vul_id, entry);
      }
    }
    // Every row of every image (in-process: all of them); mismatches collected, asserted once.
    let rows = 0;
    const mismatches: string[] = [];
    for (const image of images()) {
      for (const { vul, record } of imageVulnerabilities(internals()).rowsOf(
        sim.control.dataset.imageIndexOf(image.image_id)!,
      )) {
        rows += 1;
        const entry = catalogue.get(vul.vulId);
        const cves = vul.cves.map((cve) => `${cve.cveId}=${cve.cvss}`).join();
        if (!entry) mismatches.push(`${vul.vulId} of ${image.image_id} is not listed`);
        else if (entry.type !== vul.type) mismatches.push(`${vul.vulId}: listed as ${entry.type}`);
        else if (entry.cve_list.map((cve) => `${cve.cve_id}=${cve.cvss}`).join() !== cves)
          mismatches.push(`${vul.vulId}: other CVEs`);
        // The row's app_path (served for application vulnerabilities only) is never empty for them.
        if (vul.type === 'app_vul' && record.app_path === '') mismatches.push(`${vul.vulId}: no path`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(rows).toBeGreaterThan(1000);
    // And over HTTP for a few images: each row's id is listed with its type as its path says.
    for (const image of images()
      .filter((candidate) => candidate.vul_num > 0)
      .slice(0, 5)) {
      const list = await imageVuls(image, { limit: 200 });
      for (const row of list.json.data_list as { vul_id: string; app_path: string }[]) {
        expect(catalogue.get(row.vul_id)?.type).toBe(row.app_path ? 'app_vul' : 'linux_vul');
      }
    }
  });

  it("reports baseline checks whose failed rules add up to the image's unsafe settings", async () => {
    const dataset = sim.control.dataset;
    let checked = 0;
    for (const image of images()
      .filter((candidate) => candidate.scan_status === 'success')
      .slice(0, 40)) {
      const answer = await get('/image/baseline/risk-configs', {
        image_type: image.image_type,
        image_id: image.image_id,
        namespace: image.namespace,
        image_name: image.image_name,
        image_version: image.image_version,
        limit: 200,
      });
      expect(answer.status).toBe(200);
      const expected = baselineChecksOf(internals(), dataset.imageIndexOf(image.image_id)!);
      expect(answer.json.total_num).toBe(expected.length);
      if (expected.length === 0) continue;
      checked += 1;
      const failed = answer.json.data_list.reduce(
        (sum: number, check: { failed_rule_num: number }) => sum + check.failed_rule_num,
        0,
      );
      expect(failed).toBe(image.unsafe_setting_num);
      for (const check of answer.json.data_list) {
        expect(['Security', 'Low', 'Medium', 'High']).toContain(check.severity);
        const rules = await get(
          `/image/baseline/risk-configs/${encodeURIComponent(check.check_name)}/rules`,
          {
            image_type: image.image_type,
            image_id: image.image_id,
            standard: 'hw_standard',
            result_type: 'failed',
            limit: 200,
          },
        );
        expect(rules.json.total_num).toBe(check.failed_rule_num);
        expect(
          rules.json.data_list.every((rule: { scan_result: string }) => rule.scan_result === 'failed'),
        ).toBe(true);
      }
      if (checked >= 3) break;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('parameter validation (400 HSS.0001 / HSS.0011, documented bodies)', () => {
  const expectInvalid = async (
    answer: Promise<{ status: number; json: { error_code: string; error_msg: string } }>,
    code = 'HSS.0001',
  ) => {
    const { status, json } = await answer;
    expect(status).toBe(400);
    expect(json.error_code).toBe(code);
    expect(typeof json.error_msg).toBe('string');
  };
  const general = { type: 'app_vul', handle_status: 'unhandled', image_type: 'registry' };

  it('ListImageVulnerabilities', async () => {
    const image = vulnerableImage();
    await expectInvalid(imageVuls(image, { limit: 9 }));
    await expectInvalid(imageVuls(image, { limit: 201 }));
    await expectInvalid(imageVuls(image, { offset: 2_000_001 }));
    await expectInvalid(imageVuls(image, { repair_necessity: 'High' }));
    await expectInvalid(imageVuls(image, { type: 'os_vul' }));
    await expectInvalid(imageVuls(image, { handle_status: 'done' }));
    await expectInvalid(imageVuls(image, { namespace: 'n'.repeat(65) }));
    await expectInvalid(
      get(`/image/${image.image_id}/vulnerabilities`, {
        image_type: image.image_type,
        namespace: image.namespace,
        image_name: image.image_name,
      }),
    );
    await expectInvalid(
      get(`/image/${image.image_id}/vulnerabilities`, {
        namespace: image.namespace,
        image_name: image.image_name,
        tag_name: image.image_version,
      }),
    );
    await expectInvalid(imageVuls(image, { tag_name: 'no-such-tag' }), 'HSS.0011');
  });

  it('ListGeneralImageVuls', async () => {
    const path = '/images/vulnerabilities';
    await expectInvalid(get(path, { handle_status: 'unhandled', image_type: 'registry' }));
    await expectInvalid(get(path, { type: 'app_vul', image_type: 'registry' }));
    await expectInvalid(get(path, { type: 'app_vul', handle_status: 'unhandled' }));
    await expectInvalid(get(path, { ...general, image_type: 'private_image' }));
    await expectInvalid(get(path, { ...general, severity_level: 'Security' }));
    await expectInvalid(get(path, { ...general, cve_id: `CVE-${'1'.repeat(253)}` }));
    await expectInvalid(get(path, { ...general, status: 'fixed' }));
    await expectInvalid(get(path, { ...general, limit: 5 }));
    const labels = new URLSearchParams({ ...general });
    for (let n = 0; n < 11; n++) labels.append('label_list', `l${n}`);
    await expectInvalid(call(sim, hss(sim, `${path}?${labels.toString()}`), { token }));
  });

  it('the CVE, affected-image and affected-software lists', async () => {
    await expectInvalid(get('/image/vulnerability/NO-SUCH-VUL/cve'), 'HSS.0011');
    await expectInvalid(
      get('/vulnerability/images', { vul_id: 'x', type: 'app_vul', image_type: 'registry' }),
    );
    await expectInvalid(
      get('/vulnerability/images', {
        is_handled: 'no',
        vul_id: 'x',
        type: 'app_vul',
        image_type: 'registry',
      }),
    );
    await expectInvalid(
      get('/vulnerability/images', {
        is_handled: false,
        vul_id: 'x',
        type: 'app_vul',
        image_type: 'registry',
        repair_necessity: 'immediate_repair',
      }),
    );
    const image = vulnerableImage();
    await expectInvalid(
      get(`/image/vulnerability/${image.image_id}/apps`, { is_handled: false, image_type: 'registry' }),
    );
    await expectInvalid(
      get('/image/vulnerability/sha256:none/apps', {
        is_handled: false,
        image_type: 'registry',
        vul_id: 'x',
      }),
      'HSS.0011',
    );
  });

  it('the baseline-check lists', async () => {
    await expectInvalid(get('/image/baseline/risk-configs', {}));
    await expectInvalid(get('/image/baseline/risk-configs', { image_type: 'harbor' }));
    await expectInvalid(
      get('/image/baseline/risk-configs', { image_type: 'registry', severity: 'Critical' }),
    );
    await expectInvalid(get('/image/baseline/risk-configs', { image_type: 'registry', standard: 'iso' }));
    await expectInvalid(get('/image/baseline/risk-configs/SSH/rules', { image_type: 'registry' }));
    await expectInvalid(
      get('/image/baseline/risk-configs/SSH/rules', {
        image_type: 'registry',
        standard: 'hw_standard',
        result_type: 'error',
      }),
    );
    const rules = await get('/image/baseline/risk-configs/SSH/rules', {
      image_type: 'registry',
      standard: 'hw_standard',
      severity: 'Critical',
    });
    expect(rules.status).toBe(200);
  });
});
