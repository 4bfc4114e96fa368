/**
 * Validation of image references (namespace, repository name, tag) before they reach HSS: every HSS call
 * is scarce (5/min per API), so input HSS would reject is refused here with BAD_USER_INPUT instead.
 * Character sets follow the Docker reference grammar (which SWR, Harbor and JFrog enforce); lengths follow
 * HSS ListRegistryImages (namespace and image_name 1–128, image_version 1–64).
 */
import type { ImageRefKey } from '../domain/imageScan';
import type { HssRegistryImageType } from '../upstream/hss/types';
import { HSS_REGISTRY_IMAGE_TYPES } from '../upstream/facts';
import { userInputError } from './errors';

export type ImageRef = ImageRefKey;

const NAMESPACE = /^[a-z0-9]+(?:[._-]+[a-z0-9]+)*$/;
/** Repository names may be nested paths (`team/api`), each component like a namespace. */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._-]+|\/)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

const RULES = {
  namespace: { pattern: NAMESPACE, max: 128, what: 'lowercase letters, digits and . _ - separators' },
  name: { pattern: REPOSITORY, max: 128, what: 'lowercase letters, digits, . _ - separators and /' },
  tag: { pattern: TAG, max: 64, what: 'letters, digits, _ . - (not starting with . or -)' },
} as const;

export type ImageRefPart = keyof typeof RULES;

export function isValidImageRefPart(part: ImageRefPart, value: string): boolean {
  const rule = RULES[part];
  return value.length >= 1 && value.length <= rule.max && rule.pattern.test(value);
}

/** The reference when all four parts are present and valid (from an id or an upstream record), else null. */
export function validImageRef(
  type: unknown,
  namespace: string | undefined,
  name: string | undefined,
  tag: string | undefined,
): ImageRef | null {
  if (!isImageType(type) || namespace === undefined || name === undefined || tag === undefined) return null;
  const valid =
    isValidImageRefPart('namespace', namespace) &&
    isValidImageRefPart('name', name) &&
    isValidImageRefPart('tag', tag);
  return valid ? { type, namespace, name, tag } : null;
}

/** Throws BAD_USER_INPUT naming the argument when `value` cannot be a valid `part`. */
export function assertImageRefPart(part: ImageRefPart, value: string, argument: string): string {
  if (!isValidImageRefPart(part, value)) {
    const rule = RULES[part];
    throw userInputError(`${argument} must be 1–${rule.max} characters of ${rule.what}.`);
  }
  return value;
}

export function isImageType(value: unknown): value is HssRegistryImageType {
  return typeof value === 'string' && (HSS_REGISTRY_IMAGE_TYPES as readonly string[]).includes(value);
}

export function formatReference(ref: Pick<ImageRef, 'namespace' | 'name' | 'tag'>): string {
  return `${ref.namespace}/${ref.name}:${ref.tag}`;
}
