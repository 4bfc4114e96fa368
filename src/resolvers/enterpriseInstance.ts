/** The SWR Enterprise instance an ENTERPRISE image lives in: required for those, refused for the others. */
import { userInputError } from '../graphql/errors';

const INSTANCE_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface InstanceInput {
  instanceId?: string | null;
  instanceUrl?: string | null;
}

/** `instance_id`/`instance_url` for the wire, or BAD_USER_INPUT naming `at`. */
export function enterpriseInstance(
  image: InstanceInput,
  enterprise: boolean,
  at: string,
): { instance_id?: string; instance_url?: string } {
  if (enterprise && image.instanceId == null) {
    throw userInputError(`${at}.instanceId is required for an ENTERPRISE image.`);
  }
  if (!enterprise && (image.instanceId != null || image.instanceUrl != null)) {
    throw userInputError(`${at}.instanceId and instanceUrl apply only to ENTERPRISE images.`);
  }
  if (image.instanceId != null && !INSTANCE_ID.test(image.instanceId)) {
    throw userInputError(`${at}.instanceId must be 1–64 letters, digits or hyphens.`);
  }
  if (image.instanceUrl != null && !isHttpsUrl(image.instanceUrl)) {
    throw userInputError(`${at}.instanceUrl must be an https URL.`);
  }
  return {
    ...(image.instanceId != null && { instance_id: image.instanceId }),
    ...(image.instanceUrl != null && { instance_url: image.instanceUrl }),
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    return value.length <= 256 && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
