/**
 * Which Huawei Cloud credential the gateway holds: an IAM user's password (token flow) or an access key
 * pair (AK/SK request signing, optionally temporary with a security token). Exactly one method may be
 * configured; none means the embedded simulator. Secrets are never echoed into an error.
 */
import { ConfigError } from './configError';
import type { EnvReader } from './readEnv';

export interface IamCredentials {
  domain: string;
  user: string;
  password: string;
}

export interface AccessKeyCredentials {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials only: sent as `X-Security-Token`. */
  securityToken?: string;
}

export type UpstreamCredentials = IamCredentials | AccessKeyCredentials;

export function isAccessKeyCredentials(
  credentials: UpstreamCredentials,
): credentials is AccessKeyCredentials {
  return 'accessKey' in credentials;
}

const PASSWORD_VARIABLES = ['HWC_IAM_DOMAIN', 'HWC_IAM_USER', 'HWC_IAM_PASSWORD'] as const;
const ACCESS_KEY_VARIABLES = ['HWC_ACCESS_KEY', 'HWC_SECRET_KEY', 'HWC_SECURITY_TOKEN'] as const;
/** Huawei access key ids are letters and digits (20 for permanent keys; temporary ones are longer). */
const ACCESS_KEY = /^[A-Za-z0-9]{10,128}$/;
/** Printable ASCII without spaces: what a secret key or a security token (an HTTP header value) can be. */
const PRINTABLE = /^[\x21-\x7e]+$/;

/** The configured credentials, or undefined when none are set (then the embedded simulator serves). */
export function readCredentials(read: EnvReader): UpstreamCredentials | undefined {
  const passwordSet = PASSWORD_VARIABLES.filter((name) => read.secret(name) !== undefined);
  const accessKeySet = ACCESS_KEY_VARIABLES.filter((name) => read.secret(name) !== undefined);
  if (passwordSet.length > 0 && accessKeySet.length > 0) {
    throw new ConfigError(
      accessKeySet[0]!,
      `conflicts with ${passwordSet[0]}: configure either the IAM password (HWC_IAM_*) or an access key ` +
        '(HWC_ACCESS_KEY and HWC_SECRET_KEY), not both',
    );
  }
  if (passwordSet.length > 0) return readPassword(read);
  if (accessKeySet.length > 0) return readAccessKey(read);
  return undefined;
}

function readPassword(read: EnvReader): IamCredentials {
  const missing = PASSWORD_VARIABLES.find((name) => read.secret(name) === undefined);
  if (missing) throw new ConfigError(missing, 'is required when any HWC_IAM_* credential is set');
  return {
    domain: read.string('HWC_IAM_DOMAIN')!,
    user: read.string('HWC_IAM_USER')!,
    password: read.secret('HWC_IAM_PASSWORD')!,
  };
}

function readAccessKey(read: EnvReader): AccessKeyCredentials {
  const missing = (['HWC_ACCESS_KEY', 'HWC_SECRET_KEY'] as const).find(
    (name) => read.secret(name) === undefined,
  );
  if (missing) {
    throw new ConfigError(missing, 'is required with AK/SK credentials (HWC_ACCESS_KEY and HWC_SECRET_KEY)');
  }
  // An access key id is not secret (it travels in every Authorization header), so it may be echoed.
  const accessKey = read.string('HWC_ACCESS_KEY', {
    pattern: ACCESS_KEY,
    describe: 'an access key id (10–128 letters and digits)',
  })!;
  const secretKey = read.secret('HWC_SECRET_KEY')!;
  if (!PRINTABLE.test(secretKey)) {
    throw new ConfigError('HWC_SECRET_KEY', 'must be printable ASCII without spaces (value not shown)');
  }
  const securityToken = read.secret('HWC_SECURITY_TOKEN');
  if (securityToken !== undefined && !PRINTABLE.test(securityToken)) {
    throw new ConfigError('HWC_SECURITY_TOKEN', 'must be printable ASCII without spaces (value not shown)');
  }
  return { accessKey, secretKey, ...(securityToken !== undefined && { securityToken }) };
}
