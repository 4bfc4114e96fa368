/** SWR wire types (`GET /v2/manage/shared-repositories`, ListSharedReposDetails), per docs/huawei-cloud-apis.md §A4 and §E. */

export type SwrShareCenter = 'self' | 'thirdparty';

export type SwrRepositoryCategory =
  'app_server' | 'linux' | 'framework_app' | 'database' | 'lang' | 'other' | 'windows' | 'arm';

/** Query parameters; every one is a string on the wire. `limit` and `offset` must be sent together. */
export interface ListSharedReposQuery {
  center?: SwrShareCenter;
  namespace?: string;
  /** Fuzzy match upstream: clients post-filter for an exact name. */
  name?: string;
  limit?: number;
  offset?: number;
  order_column?: 'updated_at' | 'updated_time' | 'name' | 'tag_count' | 'namespace' | 'domain_name';
  order_type?: 'asc' | 'desc';
  /** Legacy combined form: `center::self|name::x|limit::n|offset::k`. */
  filter?: string;
}

/** One element of the bare JSON array the list returns (`ShowReposResp`); every field always present. */
export interface SwrSharedRepository {
  name: string;
  category: SwrRepositoryCategory;
  description: string;
  size: number;
  is_public: boolean;
  num_images: number;
  num_download: number;
  /** UTC, e.g. `2021-06-02T09:23:01.751202Z`. */
  created_at: string;
  updated_at: string;
  logo: string;
  url: string;
  path: string;
  internal_path: string;
  domain_name: string;
  namespace: string;
  tags: string[];
  /** thirdparty: share still valid; self: meaningless (false). */
  status: boolean;
  /** Total record count, repeated in every element. */
  total_range: number;
}

/** SWR error body: old and new formats together. Older regions send a bare array of the `errors` items. */
export interface SwrErrorBody {
  errors: {
    errorCode: string;
    errorMessage: string;
    detail: string;
    encoded_authorization_message?: string;
  }[];
  error_code: string;
  error_msg: string;
  details?: { error_code: string; error_msg: string }[];
  encoded_authorization_message?: string;
}
