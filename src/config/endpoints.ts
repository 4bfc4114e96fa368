/** Default public endpoints of a region (docs/huawei-cloud-apis.md §1.1). `eu-west-101` lives under `.myhuaweicloud.eu`. */
export interface ServiceEndpoints {
  iam: string;
  hss: string;
  swr: string;
  workspace: string;
}

export function defaultEndpoints(region: string): ServiceEndpoints {
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
