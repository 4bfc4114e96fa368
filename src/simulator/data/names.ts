/** Name pools for generated repositories. Realistic but fictional organisations and services. */
import type { SwrRepositoryCategory } from '../../upstream/swr/types';

/** Organisations of this account (SWR private repositories, SWR Enterprise). */
export const OWN_NAMESPACES = [
  'team-a',
  'team-b',
  'payments',
  'platform',
  'data-eng',
  'ml-infra',
  'frontend',
  'backend',
  'security',
  'devops',
  'observability',
  'mobile',
  'search',
  'billing',
  'identity',
] as const;

/** Organisations of other accounts that share repositories with this one (SWR thirdparty center). */
export const PARTNER_NAMESPACES: readonly { namespace: string; domain: string }[] = [
  { namespace: 'partner-ml', domain: 'acme-analytics' },
  { namespace: 'vendor-base', domain: 'vendor-base-intl' },
  { namespace: 'acme-shared', domain: 'acme-corp' },
  { namespace: 'oss-mirror', domain: 'opensource-mirror' },
  { namespace: 'isv-tools', domain: 'isv-tooling' },
];

export const HARBOR_NAMESPACES = ['library', 'infra', 'apps'] as const;
export const JFROG_NAMESPACES = ['docker-local', 'docker-virtual'] as const;
export const ENTERPRISE_NAMESPACES = ['enterprise-core', 'prod-apps', 'team-a'] as const;

export type OsFamily = 'rpm' | 'deb' | 'apk';
export type Stack = 'none' | 'java' | 'node' | 'python' | 'go' | 'ml';

export interface RepositoryNameSpec {
  name: string;
  category: SwrRepositoryCategory;
  /** Language ecosystem of the software inside, if any. */
  stack: Stack;
  /** Preferred base OS; undefined = any. */
  os?: OsFamily;
}

export const REPOSITORY_NAMES: readonly RepositoryNameSpec[] = [
  { name: 'api', category: 'app_server', stack: 'node' },
  { name: 'web', category: 'app_server', stack: 'node' },
  { name: 'worker', category: 'app_server', stack: 'python' },
  { name: 'gateway', category: 'app_server', stack: 'go' },
  { name: 'auth-service', category: 'app_server', stack: 'java' },
  { name: 'payment-service', category: 'app_server', stack: 'java' },
  { name: 'order-service', category: 'app_server', stack: 'java' },
  { name: 'nginx', category: 'app_server', stack: 'none', os: 'deb' },
  { name: 'redis', category: 'database', stack: 'none', os: 'deb' },
  { name: 'postgres', category: 'database', stack: 'none', os: 'deb' },
  { name: 'mysql', category: 'database', stack: 'none', os: 'rpm' },
  { name: 'mongodb', category: 'database', stack: 'none', os: 'deb' },
  { name: 'kafka', category: 'framework_app', stack: 'java' },
  { name: 'zookeeper', category: 'framework_app', stack: 'java' },
  { name: 'elasticsearch', category: 'database', stack: 'java', os: 'rpm' },
  { name: 'prometheus', category: 'app_server', stack: 'go' },
  { name: 'grafana', category: 'app_server', stack: 'go', os: 'apk' },
  { name: 'python-base', category: 'lang', stack: 'python' },
  { name: 'openjdk', category: 'lang', stack: 'java' },
  { name: 'node', category: 'lang', stack: 'node' },
  { name: 'golang', category: 'lang', stack: 'go' },
  { name: 'busybox', category: 'linux', stack: 'none', os: 'apk' },
  { name: 'alpine', category: 'linux', stack: 'none', os: 'apk' },
  { name: 'ubuntu', category: 'linux', stack: 'none', os: 'deb' },
  { name: 'euleros', category: 'linux', stack: 'none', os: 'rpm' },
  { name: 'centos', category: 'linux', stack: 'none', os: 'rpm' },
  { name: 'spring-app', category: 'framework_app', stack: 'java' },
  { name: 'django-app', category: 'framework_app', stack: 'python' },
  { name: 'flask-api', category: 'framework_app', stack: 'python' },
  { name: 'ml-training', category: 'framework_app', stack: 'ml' },
  { name: 'jupyter', category: 'framework_app', stack: 'ml', os: 'deb' },
  { name: 'tensorflow-serving', category: 'framework_app', stack: 'ml', os: 'deb' },
  { name: 'spark', category: 'framework_app', stack: 'java' },
  { name: 'flink', category: 'framework_app', stack: 'java' },
  { name: 'etl-job', category: 'app_server', stack: 'python' },
  { name: 'notification', category: 'app_server', stack: 'node' },
  { name: 'search-indexer', category: 'app_server', stack: 'java' },
  { name: 'billing-engine', category: 'app_server', stack: 'java' },
  { name: 'report-generator', category: 'app_server', stack: 'python' },
  { name: 'fraud-detector', category: 'app_server', stack: 'ml' },
  { name: 'recommendation', category: 'app_server', stack: 'ml' },
  { name: 'image-resizer', category: 'app_server', stack: 'go' },
  { name: 'chat-service', category: 'app_server', stack: 'node' },
  { name: 'user-profile', category: 'app_server', stack: 'java' },
  { name: 'inventory', category: 'app_server', stack: 'go' },
  { name: 'checkout', category: 'app_server', stack: 'node' },
  { name: 'admin-console', category: 'app_server', stack: 'node' },
  { name: 'fluentd', category: 'other', stack: 'none', os: 'deb' },
  { name: 'envoy', category: 'app_server', stack: 'go' },
  { name: 'coredns', category: 'other', stack: 'go' },
  { name: 'etcd', category: 'database', stack: 'go' },
  { name: 'keycloak', category: 'app_server', stack: 'java', os: 'rpm' },
  { name: 'vault', category: 'other', stack: 'go', os: 'apk' },
  { name: 'minio', category: 'database', stack: 'go' },
  { name: 'rabbitmq', category: 'framework_app', stack: 'none', os: 'deb' },
  { name: 'haproxy', category: 'app_server', stack: 'none', os: 'deb' },
  { name: 'jenkins-agent', category: 'other', stack: 'java' },
  { name: 'windows-iis', category: 'windows', stack: 'none', os: 'deb' },
  { name: 'arm-edge-agent', category: 'arm', stack: 'go', os: 'apk' },
];
