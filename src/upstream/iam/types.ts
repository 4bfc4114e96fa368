/** IAM (Keystone v3) wire types, per docs/huawei-cloud-apis.md §C1. */

export interface PasswordTokenRequest {
  auth: {
    identity: {
      methods: ['password'];
      password: { user: { name: string; password: string; domain: { name: string } } };
    };
    scope: { project: { name?: string; id?: string } };
  };
}

export interface IamTokenResult {
  /** ISO-8601 UTC with microseconds, e.g. `2020-01-04T09:05:22.701000Z`. */
  expires_at: string;
  issued_at: string;
  methods: string[];
  catalog: unknown[];
  project?: { name: string; id: string; domain: { name: string; id: string } };
  roles: { name: string; id: string }[];
  user: { name: string; id: string; password_expires_at: string; domain: { name: string; id: string } };
}

/** 201 body; the token itself is in the `X-Subject-Token` header. */
export interface IamTokenResponse {
  token: IamTokenResult;
}

export interface IamProject {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
  parent_id: string;
  is_domain: boolean;
  description: string;
}

export interface IamProjectsResponse {
  projects: IamProject[];
  links?: { self: string };
}
