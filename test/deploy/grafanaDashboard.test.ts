/**
 * The Grafana dashboard (deploy/grafana/dashboards) charts only metrics a real gateway exposes on
 * /metrics, and its provisioning points at the Prometheus that deploy/prometheus/prometheus.yml runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { request } from 'undici';
import { parse as parseYaml } from 'yaml';
import { operation, startStack, type Stack } from '../e2e/harness';
import { REPO_ROOT } from './support/kustomize';

/**
 * Metrics the dashboard charts that the gateway does not expose yet (none today). Add a name here only
 * while the code exposing it is being written; the test below says when to remove it.
 */
const EXPECTED_NOT_YET_EXPOSED: string[] = [];

const DASHBOARD_DIR = path.join(REPO_ROOT, 'deploy/grafana/dashboards');
const METRIC_PREFIXES = /\b(?:gateway|process|nodejs)_[a-z0-9_]+/g;

interface Dashboard {
  uid: string;
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
  templating: { list: { name: string; query: string | { query: string } }[] };
}

function readDashboards(): Dashboard[] {
  return readdirSync(DASHBOARD_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')) as Dashboard);
}

/** Every PromQL expression of a dashboard: panel queries and template-variable queries. */
function queriesOf(dashboard: Dashboard): string[] {
  const panelQueries = dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => target.expr),
  );
  const variableQueries = dashboard.templating.list
    .map((variable) => (typeof variable.query === 'string' ? variable.query : variable.query.query))
    .filter((query) => query !== 'prometheus');
  return [...panelQueries, ...variableQueries];
}

/** Metric names in PromQL: the dashboard's metrics carry a gateway_, process_ or nodejs_ prefix. */
function metricNamesIn(query: string): string[] {
  return query.match(METRIC_PREFIXES) ?? [];
}

/**
 * Names a Prometheus scrape of this text yields: every sample, plus the series a declared metric will
 * produce (a counter or histogram without samples yet is still exposed: `# TYPE` declares it).
 */
function exposedNames(metricsText: string): Set<string> {
  const names = new Set<string>();
  for (const line of metricsText.split('\n')) {
    const declared = /^# TYPE (\S+) (\S+)/.exec(line);
    if (declared) {
      const [, name, type] = declared as unknown as [string, string, string];
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
      else names.add(name);
    } else if (line && !line.startsWith('#')) {
      names.add(line.split(/[{ ]/)[0]!);
    }
  }
  return names;
}

describe('Grafana dashboard', () => {
  let stack: Stack;
  let exposed: Set<string>;
  beforeAll(async () => {
    stack = await startStack({ simulator: { imageCount: 50 } });
    // One real operation, so the metrics carry samples as well as declarations.
    const answer = await stack.query(operation('ImageDashboard'), { first: 5 });
    expect(answer.body.errors).toBeUndefined();
    const response = await request(`${stack.gateway.url}/metrics`);
    expect(response.statusCode).toBe(200);
    exposed = exposedNames(await response.body.text());
  });
  afterAll(() => stack.close());

  it('charts quota, cache outcomes, upstream latency and errors, and operation errors', () => {
    const queries = readDashboards().flatMap(queriesOf);
    const used = new Set(queries.flatMap(metricNamesIn));
    for (const name of [
      'gateway_upstream_quota_used',
      'gateway_upstream_quota_remaining',
      'gateway_upstream_quota_queued',
      'gateway_upstream_cache_lookups_total',
      'gateway_upstream_request_duration_seconds_bucket',
      'gateway_upstream_requests_total',
      'gateway_operation_errors_total',
    ]) {
      expect(used).toContain(name);
    }
  });

  it('uses only metric names the running gateway exposes on /metrics (or listed as expected)', () => {
    const used = new Set(readDashboards().flatMap(queriesOf).flatMap(metricNamesIn));
    const missing = [...used].filter(
      (name) => !exposed.has(name) && !EXPECTED_NOT_YET_EXPOSED.includes(name),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the expected-but-not-yet-exposed list honest', () => {
    const nowExposed = EXPECTED_NOT_YET_EXPOSED.filter((name) => exposed.has(name));
    // When this fails, /metrics exposes these now: remove them from EXPECTED_NOT_YET_EXPOSED.
    expect(nowExposed).toEqual([]);
  });

  it('finds every metric name in its queries (the name pattern misses none)', () => {
    // A query whose metric lacks the prefixes would escape the check above; every query must name one.
    for (const query of readDashboards().flatMap(queriesOf))
      expect(metricNamesIn(query).length).toBeGreaterThan(0);
  });
});

describe('Prometheus and Grafana provisioning', () => {
  it('scrapes the gateway /metrics and gives Grafana that Prometheus under the uid the dashboard uses', () => {
    const prometheus = parseYaml(
      readFileSync(path.join(REPO_ROOT, 'deploy/prometheus/prometheus.yml'), 'utf8'),
    ) as {
      scrape_configs: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }[];
    };
    const job = prometheus.scrape_configs.find((config) => config.job_name === 'image-graph-gateway');
    expect(job?.metrics_path).toBe('/metrics');
    // Every replica of the compose file, each scraped on its own (quota gauges are per replica).
    expect(job?.static_configs[0]?.targets).toEqual(['gateway-1:4000', 'gateway-2:4000', 'gateway-3:4000']);

    const datasources = parseYaml(
      readFileSync(path.join(REPO_ROOT, 'deploy/grafana/provisioning/datasources/prometheus.yaml'), 'utf8'),
    ) as { datasources: { uid: string; type: string; url: string }[] };
    expect(datasources.datasources[0]).toMatchObject({
      uid: 'prometheus',
      type: 'prometheus',
      url: 'http://prometheus:9090',
    });
    const [dashboard] = readDashboards();
    const variable = dashboard!.templating.list.find(
      (candidate) => candidate.name === 'datasource',
    ) as unknown as {
      current: { value: string };
    };
    expect(variable.current.value).toBe('prometheus');
  });
});
