/**
 * Default public endpoints of a region, from the Huawei Cloud SDKs' region tables
 * (docs/huawei-cloud-apis.md §1.1). `eu-west-101` lives under `.myhuaweicloud.eu` (Workspace excepted).
 */
export interface ServiceEndpoints {
  iam: string;
  hss: string;
  swr: string;
  workspace: string;
}

/** Regions where the SDKs list HSS (and so where the gateway's core data exists). */
export const HSS_REGIONS: readonly string[] = [
  'cn-north-1',
  'cn-north-2',
  'cn-north-4',
  'cn-north-9',
  'cn-north-11',
  'cn-north-12',
  'cn-east-2',
  'cn-east-3',
  'cn-east-4',
  'cn-east-5',
  'cn-south-1',
  'cn-south-2',
  'cn-south-4',
  'cn-southwest-2',
  'cn-southwest-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'af-south-1',
  'sa-brazil-1',
  'la-south-2',
  'la-north-2',
  'na-mexico-1',
  'tr-west-1',
  'ae-ad-1',
  'me-east-1',
  'my-kualalumpur-1',
  'ru-moscow-1',
  'eu-west-101',
];

/** Regions where the SDKs list Workspace (product images); elsewhere `productImages` needs an override. */
export const WORKSPACE_REGIONS: readonly string[] = [
  'cn-east-3',
  'cn-north-4',
  'cn-south-1',
  'cn-southwest-2',
  'la-south-2',
  'sa-brazil-1',
  'la-north-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'cn-north-9',
  'cn-north-11',
  'cn-east-5',
  'me-east-1',
  'af-south-1',
  'af-north-1',
  'tr-west-1',
  'eu-west-101',
];

/** The endpoints of a known region; undefined for a region the SDK tables do not list. */
export function defaultEndpoints(region: string): ServiceEndpoints | undefined {
  if (!HSS_REGIONS.includes(region)) return undefined;
  const europe = region === 'eu-west-101';
  const domain = europe ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
  return {
    iam: `https://iam.${region}.${domain}`,
    hss: `https://hss.${region}.${domain}`,
    // SWR's API host has the `swr-api.` prefix; `swr.` is the docker registry itself.
    swr: `https://swr-api.${region}.${domain}`,
    // The SDK region table lists Workspace in eu-west-101 under .myhuaweicloud.com.
    workspace: `https://workspace.${region}.myhuaweicloud.com`,
  };
}
