import type { RunningSimulator } from '../../src/simulator';

/** Gateway environment that treats `simulator` as a remote Huawei Cloud: its region, credentials and URL. */
export function simulatorAsRemoteEnv(
  simulator: Pick<RunningSimulator, 'url' | 'region' | 'credentials'>,
): Record<string, string> {
  return {
    HWC_REGION: simulator.region,
    HWC_IAM_DOMAIN: simulator.credentials.domain,
    HWC_IAM_USER: simulator.credentials.user,
    HWC_IAM_PASSWORD: simulator.credentials.password,
    HWC_IAM_ENDPOINT: simulator.url,
    HWC_HSS_ENDPOINT: simulator.url,
    HWC_SWR_ENDPOINT: simulator.url,
    HWC_WORKSPACE_ENDPOINT: simulator.url,
  };
}
