/**
 * The baseline's REST data sources, written the way most teams start with Apollo: one RESTDataSource per
 * service, created per request, an IAM password token cached in a module variable until it expires.
 * RESTDataSource's default per-request GET deduplication stays on (that is what teams get by default);
 * the upstream sends no cache headers, so its HTTP cache stores nothing.
 */
import { RESTDataSource, type AugmentedRequest, type DataSourceConfig } from '@apollo/datasource-rest';
import type { HssCicdImage, ListCicdImagesQuery } from '../../src/upstream/hss/imageKindsTypes';
import type {
  BatchScanSwrImageBody,
  HssGlobalImageApp,
  HssImageApp,
  HssImageFilesStat,
  HssPage,
  HssRegistryImage,
  ListGlobalImageAppsQuery,
  ListImageAppsQuery,
  ListRegistryImagesQuery,
  ShowImageFilesStatQuery,
} from '../../src/upstream/hss/types';
import type {
  HssGeneralImageVul,
  HssImageRiskConfig,
  HssImageRiskConfigRule,
  HssImageVulnerability,
  ListGeneralImageVulsQuery,
  ListImageRiskConfigRulesQuery,
  ListImageRiskConfigsQuery,
  ListImageVulnerabilitiesQuery,
} from '../../src/upstream/hss/vulnerabilityTypes';
import type { IamTokenResponse } from '../../src/upstream/iam/types';
import type { ListSharedReposQuery, SwrSharedRepository } from '../../src/upstream/swr/types';
import type { ListProductImagesQuery, ListProductImagesResponse } from '../../src/upstream/workspace/types';

export interface BaselineConfig {
  region: string;
  projectId: string;
  iam: { endpoint: string; domain: string; user: string; password: string };
  hssEndpoint: string;
  swrEndpoint: string;
  workspaceEndpoint: string;
}

function params(query: object): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) out[key] = String(value);
  }
  return out;
}

// ---- IAM token: one per process, kept until shortly before it expires ------------------------------------

let cachedToken: { value: string; expiresAt: number } | undefined;

export class IamAPI extends RESTDataSource {
  constructor(
    private readonly config: BaselineConfig,
    options?: DataSourceConfig,
  ) {
    super(options);
    this.baseURL = `${config.iam.endpoint}/`;
  }

  async token(): Promise<string> {
    if (cachedToken && cachedToken.expiresAt - Date.now() > 5 * 60_000) return cachedToken.value;
    const { iam, region } = this.config;
    const { response, parsedBody } = await this.fetch<IamTokenResponse>('v3/auth/tokens', {
      method: 'POST',
      params: { nocatalog: 'true' },
      headers: { 'content-type': 'application/json;charset=utf8' },
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: iam.user, password: iam.password, domain: { name: iam.domain } } },
          },
          scope: { project: { name: region } },
        },
      },
    });
    const value = response.headers.get('x-subject-token');
    if (!value) throw new Error('IAM returned no X-Subject-Token');
    cachedToken = { value, expiresAt: Date.parse(parsedBody.token.expires_at) };
    return value;
  }
}

/** Adds the token (and the JSON content type Huawei Cloud expects on every request). */
abstract class HuaweiAPI extends RESTDataSource {
  constructor(
    protected readonly config: BaselineConfig,
    private readonly iam: IamAPI,
    options?: DataSourceConfig,
  ) {
    super(options);
  }

  protected override async willSendRequest(_path: string, request: AugmentedRequest): Promise<void> {
    request.headers['x-auth-token'] = await this.iam.token();
    request.headers['content-type'] = 'application/json';
  }
}

export class HssAPI extends HuaweiAPI {
  constructor(config: BaselineConfig, iam: IamAPI, options?: DataSourceConfig) {
    super(config, iam, options);
    this.baseURL = `${config.hssEndpoint}/v5/${config.projectId}/`;
  }

  protected override async willSendRequest(path: string, request: AugmentedRequest): Promise<void> {
    await super.willSendRequest(path, request);
    request.headers.region = this.config.region;
  }

  listRegistryImages(query: ListRegistryImagesQuery): Promise<HssPage<HssRegistryImage>> {
    return this.get('image/registries/images', { params: params(query) });
  }

  listGlobalImageApps(query: ListGlobalImageAppsQuery): Promise<HssPage<HssGlobalImageApp>> {
    return this.get('image/apps', { params: params(query) });
  }

  listImageApps(imageId: string, query: ListImageAppsQuery): Promise<HssPage<HssImageApp>> {
    return this.get(`image/${encodeURIComponent(imageId)}/apps`, { params: params(query) });
  }

  showImageFilesStat(imageId: string, query: ShowImageFilesStatQuery): Promise<HssImageFilesStat> {
    return this.get(`image/${encodeURIComponent(imageId)}/files-statistics`, { params: params(query) });
  }

  listCicdImages(query: ListCicdImagesQuery): Promise<HssPage<HssCicdImage>> {
    return this.get('image/cicd/images', { params: params(query) });
  }

  batchScan(body: BatchScanSwrImageBody): Promise<unknown> {
    return this.post('image/batch-scan', { body });
  }

  listImageVulnerabilities(
    imageId: string,
    query: ListImageVulnerabilitiesQuery,
  ): Promise<HssPage<HssImageVulnerability>> {
    return this.get(`image/${encodeURIComponent(imageId)}/vulnerabilities`, { params: params(query) });
  }

  listGeneralImageVuls(query: ListGeneralImageVulsQuery): Promise<HssPage<HssGeneralImageVul>> {
    return this.get('images/vulnerabilities', { params: params(query) });
  }

  listImageRiskConfigs(query: ListImageRiskConfigsQuery): Promise<HssPage<HssImageRiskConfig>> {
    return this.get('image/baseline/risk-configs', { params: params(query) });
  }

  listImageRiskConfigRules(
    checkName: string,
    query: ListImageRiskConfigRulesQuery,
  ): Promise<HssPage<HssImageRiskConfigRule>> {
    return this.get(`image/baseline/risk-configs/${encodeURIComponent(checkName)}/rules`, {
      params: params(query),
    });
  }
}

export class SwrAPI extends HuaweiAPI {
  constructor(config: BaselineConfig, iam: IamAPI, options?: DataSourceConfig) {
    super(config, iam, options);
    this.baseURL = `${config.swrEndpoint}/`;
  }

  listSharedRepositories(query: ListSharedReposQuery): Promise<SwrSharedRepository[]> {
    return this.get('v2/manage/shared-repositories', { params: params(query) });
  }
}

export class WorkspaceAPI extends HuaweiAPI {
  constructor(config: BaselineConfig, iam: IamAPI, options?: DataSourceConfig) {
    super(config, iam, options);
    this.baseURL = `${config.workspaceEndpoint}/v2/${config.projectId}/`;
  }

  listImages(query: ListProductImagesQuery): Promise<ListProductImagesResponse> {
    return this.get('images', { params: params(query) });
  }
}

export interface DataSources {
  hss: HssAPI;
  swr: SwrAPI;
  workspace: WorkspaceAPI;
}

export interface BaselineContext {
  dataSources: DataSources;
}

export function createDataSources(config: BaselineConfig, options: DataSourceConfig): DataSources {
  const iam = new IamAPI(config, options);
  return {
    hss: new HssAPI(config, iam, options),
    swr: new SwrAPI(config, iam, options),
    workspace: new WorkspaceAPI(config, iam, options),
  };
}
