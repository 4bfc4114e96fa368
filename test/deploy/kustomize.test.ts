/**
 * The Kubernetes manifests in deploy/, rendered as `kubectl kustomize` renders them for `kubectl apply -k`:
 * probes on the gateway's real routes, a grace period longer than the drain, a locked-down pod, scaling
 * and disruption rules, and configuration the gateway accepts (loadConfig runs on the rendered values).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { findObject, renderKustomization, REPO_ROOT, type KubeObject } from './support/kustomize';

const GATEWAY = 'image-graph-gateway';
const CONFIG_MAP = 'image-graph-gateway-config';
const SECRET = 'image-graph-gateway-credentials';

interface Container {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  envFrom: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe: { httpGet: { path: string; port: string | number } };
  livenessProbe: { httpGet: { path: string; port: string | number } };
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: {
    allowPrivilegeEscalation: boolean;
    readOnlyRootFilesystem: boolean;
    capabilities: { drop: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
}

interface PodSpec {
  terminationGracePeriodSeconds: number;
  securityContext: { runAsNonRoot: boolean; runAsUser: number };
  containers: Container[];
  volumes?: { name: string; emptyDir?: object }[];
}

function podSpec(deployment: KubeObject): PodSpec {
  return (deployment.spec as { template: { spec: PodSpec } }).template.spec;
}

function gatewayContainer(objects: KubeObject[]): Container {
  const container = podSpec(findObject(objects, 'Deployment', GATEWAY)).containers.find(
    (candidate) => candidate.name === 'gateway',
  );
  if (!container) throw new Error('the gateway Deployment has no container named gateway');
  return container;
}

/** The environment a gateway pod gets: ConfigMap data plus Secret values. */
function podEnvironment(objects: KubeObject[]): Record<string, string> {
  return {
    ...findObject(objects, 'ConfigMap', CONFIG_MAP).data,
    ...findObject(objects, 'Secret', SECRET).stringData,
  };
}

/** Every variable name loadConfig reads from an environment (recorded through a proxy). */
function variablesReadBy(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  loadConfig(
    new Proxy(env, {
      get(target, name) {
        if (typeof name === 'string') read.add(name);
        return Reflect.get(target, name) as unknown;
      },
    }),
  );
  return read;
}

/** Seconds the preStop hook waits before the container gets SIGTERM. */
function preStopSeconds(container: Container): number {
  const preStop = container.lifecycle?.preStop;
  if (preStop?.sleep) return preStop.sleep.seconds;
  const command = preStop?.exec?.command ?? [];
  return command[0] === 'sleep' ? Number(command[1]) : 0;
}

describe('deploy/base', () => {
  const objects = renderKustomization('deploy/base');
  const container = gatewayContainer(objects);
  const pod = podSpec(findObject(objects, 'Deployment', GATEWAY));

  it('probes readiness on /ready and liveness on /health, on the port the gateway listens on', () => {
    const env = podEnvironment(objects);
    const http = container.ports.find((port) => port.name === 'http');
    expect(http?.containerPort).toBe(Number(env.PORT));
    expect(env.HOST).toBe('0.0.0.0');
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
  });

  it('gives the pod longer to stop than the preStop pause plus the gateway drain grace', () => {
    const drainGraceMs = Number(podEnvironment(objects).GATEWAY_SHUTDOWN_GRACE_MS);
    expect(drainGraceMs).toBeGreaterThan(0);
    const neededSeconds = preStopSeconds(container) + drainGraceMs / 1000;
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(neededSeconds);
  });

  it('runs as a non-root user with a read-only root, no privilege escalation and no capabilities', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    // The one writable path is an emptyDir.
    const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
    expect(pod.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it('sets resource requests and limits', () => {
    expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
  });

  it('fits the Dockerfile: same port and the image user, which the pod runs as', () => {
    const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtimeStage).toMatch(/^USER node$/m);
    expect(runtimeStage).toMatch(new RegExp(`^EXPOSE ${container.ports[0]!.containerPort}$`, 'm'));
    // The node:* images' `node` user is uid 1000.
    expect(pod.securityContext.runAsUser).toBe(1000);
  });

  it('takes configuration from the ConfigMap and credentials from the Secret', () => {
    expect(container.envFrom).toEqual([
      { configMapRef: { name: CONFIG_MAP } },
      { secretRef: { name: SECRET } },
    ]);
    const secret = findObject(objects, 'Secret', SECRET);
    expect(Object.keys(secret.stringData ?? {}).sort()).toEqual(
      ['GATEWAY_API_KEYS', 'HWC_IAM_DOMAIN', 'HWC_IAM_PASSWORD', 'HWC_IAM_USER'].sort(),
    );
    // The committed Secret is an example: every value is a visible placeholder.
    for (const value of Object.values(secret.stringData ?? {})) expect(value).toMatch(/^REPLACE-ME/);
    const configMap = findObject(objects, 'ConfigMap', CONFIG_MAP).data ?? {};
    for (const secretName of Object.keys(secret.stringData ?? {}))
      expect(configMap).not.toHaveProperty(secretName);
  });

  it('sets only variables the gateway reads, with values it accepts', () => {
    const env = podEnvironment(objects);
    const config = loadConfig(env);
    expect(config.upstream.target.kind).toBe('remote');
    expect(config.server.developerTools).toBe(false);
    expect(config.graphql.trustedDocuments).toBe('only');
    const read = variablesReadBy(env);
    const unread = Object.keys(env).filter((name) => !read.has(name));
    expect(unread).toEqual([]);
  });

  it('keeps a replica through voluntary disruptions and scales the Deployment on CPU', () => {
    const selector = { 'app.kubernetes.io/component': 'gateway', 'app.kubernetes.io/name': GATEWAY };
    const budget = findObject(objects, 'PodDisruptionBudget', GATEWAY).spec as {
      minAvailable: number;
      selector: { matchLabels: Record<string, string> };
    };
    expect(budget.minAvailable).toBeGreaterThanOrEqual(1);
    expect(budget.selector.matchLabels).toEqual(selector);

    const autoscaler = findObject(objects, 'HorizontalPodAutoscaler', GATEWAY).spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
      maxReplicas: number;
    };
    expect(autoscaler.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: GATEWAY });
    // With one replica the budget would block every node drain.
    expect(autoscaler.minReplicas).toBeGreaterThan(budget.minAvailable);
    expect(autoscaler.maxReplicas).toBeGreaterThan(autoscaler.minReplicas);

    const service = findObject(objects, 'Service', GATEWAY).spec as {
      selector: Record<string, string>;
      ports: { targetPort: string }[];
    };
    expect(service.selector).toEqual(selector);
    expect(service.ports[0]!.targetPort).toBe('http');
    const deployment = findObject(objects, 'Deployment', GATEWAY);
    expect(
      (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata
        .labels,
    ).toMatchObject(selector);
  });
});

describe('deploy/overlays/shared-redis', () => {
  const objects = renderKustomization('deploy/overlays/shared-redis');

  it('adds a Redis Deployment and Service and points the gateway at it with REDIS_URL', () => {
    const redis = findObject(objects, 'Deployment', 'image-graph-gateway-redis');
    const redisPod = podSpec(redis);
    expect(redisPod.containers[0]!.image).toMatch(/^redis:/);
    expect(redisPod.containers[0]!.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
    });
    const service = findObject(objects, 'Service', 'image-graph-gateway-redis').spec as {
      ports: { port: number }[];
    };
    const env = podEnvironment(objects);
    expect(env.REDIS_URL).toBe(`redis://image-graph-gateway-redis:${service.ports[0]!.port}`);
    expect(env.REDIS_KEY_PREFIX).toBeTruthy();
    // The base stays as it was: same gateway settings plus the Redis ones.
    const base = podEnvironment(renderKustomization('deploy/base'));
    expect(env).toEqual({
      ...base,
      REDIS_URL: env.REDIS_URL,
      REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
      GATEWAY_EXPECTED_REPLICAS: env.GATEWAY_EXPECTED_REPLICAS,
    });
    // A pod that starts while Redis is down assumes as many replicas as the autoscaler may run.
    const autoscaler = findObject(objects, 'HorizontalPodAutoscaler', 'image-graph-gateway').spec as {
      maxReplicas: number;
    };
    expect(env.GATEWAY_EXPECTED_REPLICAS).toBe(String(autoscaler.maxReplicas));
  });

  it('sets only variables the gateway reads, except those listed as not read yet', () => {
    const env = podEnvironment(objects);
    const read = variablesReadBy(env);
    const unread = Object.keys(env).filter((name) => !read.has(name));
    expect(unread).toEqual([]);
  });
});
