import type { GatewayConfig, IamCredentials } from '../config/config';
import type { ServiceEndpoints } from '../config/endpoints';

/** Where the gateway sends upstream calls, and as whom: resolved before the gateway starts. */
export interface ResolvedUpstreamTarget {
  region: string;
  credentials: IamCredentials;
  endpoints: ServiceEndpoints;
  projectId?: string;
}

/** The Huawei Cloud (or proxy) target the configuration names; throws when it names none. */
export function remoteUpstreamTarget(config: GatewayConfig): ResolvedUpstreamTarget {
  const { target, projectId } = config.upstream;
  if (target.kind !== 'remote') {
    throw new Error(
      'no Huawei Cloud credentials are configured: the entry point starts the simulator instead',
    );
  }
  return {
    region: target.region,
    credentials: target.credentials,
    endpoints: target.endpoints,
    ...(projectId !== undefined && { projectId }),
  };
}
