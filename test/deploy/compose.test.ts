/**
 * compose.yaml cannot be run here (no Docker engine on the build machines), so this checks what would
 * break it: valid YAML, the topology (Redis, a simulator with rate limits on, three gateway replicas
 * behind the load balancer), and that each replica's environment is a configuration the gateway accepts,
 * pointing at the simulator with the credentials it accepts and at the Redis service.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { loadConfig } from '../../src/config/config';
import { DEFAULT_CREDENTIALS } from '../../src/simulator/options';

const ROOT = path.join(__dirname, '../..');
const GATEWAYS = ['gateway-1', 'gateway-2', 'gateway-3'];

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
};
/** The value after `flag` in a command list. */
const flagValue = (command: string[] | undefined, flag: string): string | undefined => {
  const at = command?.indexOf(flag) ?? -1;
  return at < 0 ? undefined : command?.[at + 1];
};

describe('compose.yaml', () => {
  it('has Redis, the simulator, three gateway replicas and a load balancer', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['grafana', 'loadbalancer', 'prometheus', 'redis', 'simulator', ...GATEWAYS].sort(),
    );
  });

  it('runs Redis without persistence, bounded, evicting only keys with a TTL', () => {
    const { command, healthcheck } = service('redis');
    expect(flagValue(command, '--save')).toBe('');
    expect(flagValue(command, '--appendonly')).toBe('no');
    expect(flagValue(command, '--maxmemory')).toMatch(/^\d+mb$/);
    expect(flagValue(command, '--maxmemory-policy')).toBe('volatile-lru');
    expect(healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('runs the simulator from the built image with its documented rate limits on, reachable from other containers', () => {
    const { build, command } = service('simulator');
    expect(build).toBe('.');
    expect(command?.slice(0, 2)).toEqual(['node', 'dist/simulator/cli.js']);
    // dist/simulator/cli.js is the compiled src/simulator/cli.ts (tsconfig.build.json compiles all of src).
    expect(existsSync(path.join(ROOT, 'src/simulator/cli.ts'))).toBe(true);
    expect(command).toContain('--rate-limits');
    expect(flagValue(command, '--rate-limits')).not.toBe('false');
    expect(flagValue(command, '--host')).toBe('0.0.0.0');
    expect(flagValue(command, '--port')).toMatch(/^\d+$/);
  });

  it.each(GATEWAYS)(
    '%s: a valid gateway configuration against the simulator and the shared Redis',
    (name) => {
      const gateway = service(name);
      expect(gateway.build).toBe('.');
      expect(existsSync(path.join(ROOT, 'Dockerfile'))).toBe(true);
      expect(gateway.depends_on).toEqual({
        redis: { condition: 'service_healthy' },
        simulator: { condition: 'service_healthy' },
      });

      const config = loadConfig(gateway.environment ?? {});
      const simulatorOrigin = `http://simulator:${flagValue(service('simulator').command, '--port')}`;
      expect(config.upstream.target).toEqual({
        kind: 'remote',
        region: 'cn-north-4',
        credentials: DEFAULT_CREDENTIALS,
        endpoints: {
          iam: simulatorOrigin,
          hss: simulatorOrigin,
          swr: simulatorOrigin,
          workspace: simulatorOrigin,
        },
      });
      expect(config.redis?.url).toBe('redis://redis:6379');
      // With real credentials the local quota is on: HSS's 5 per minute, which the simulator enforces.
      expect(config.pipeline.quota.enabled).toBe(true);
    },
  );

  it('balances over exactly the three replicas, on the port the image listens on', () => {
    const balancer = service('loadbalancer');
    expect(balancer.image).toMatch(/^nginx:/);
    expect(balancer.ports).toEqual(['8080:8080']);
    expect(Object.keys(balancer.depends_on ?? {}).sort()).toEqual(GATEWAYS);
    const mount = balancer.volumes?.[0] ?? '';
    const [source, target] = mount.split(':');
    expect(target).toBe('/etc/nginx/nginx.conf');
    const nginx = readFileSync(path.join(ROOT, source as string), 'utf8');
    const upstreams = [...nginx.matchAll(/^\s*server\s+([\w-]+):(\d+);/gm)].map(
      (match) => `${match[1]}:${match[2]}`,
    );
    const port = /ENV .*\bPORT=(\d+)/.exec(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(upstreams).toEqual(GATEWAYS.map((gateway) => `${gateway}:${port}`));
    expect(nginx).toMatch(/listen 8080;/);
    expect(nginx).toMatch(/proxy_pass http:\/\/gateway;/);
  });
});
