/**
 * Opaque global ids: base64url of `<tag><version>:<JSON tuple>`. Each carries exactly what one upstream
 * lookup needs (HSS cannot fetch an image by id, only list it by namespace + name + tag). Decoding is
 * strict: anything that this module did not produce is BAD_USER_INPUT, and never reaches an upstream API.
 */
import type { SwrShareCenter } from '../upstream/swr/types';
import { userInputError } from './errors';
import { isValidImageRefPart, validImageRef, type ImageRef } from './imageRef';

export interface ContainerImageId extends ImageRef {
  kind: 'ContainerImage';
  /** HSS `image_id` when the id was issued: a lookup that finds other content at the tag is "not found". */
  imageId: string;
}

export interface SharedRepositoryId {
  kind: 'SharedRepository';
  center: SwrShareCenter;
  namespace: string;
  name: string;
}

export interface ProductImageId {
  kind: 'ProductImage';
  imageId: string;
}

/** A CI/CD image: its HSS id, plus namespace and name so that lookups batch per repository. */
export interface CicdImageId {
  kind: 'CicdImage';
  imageId: string;
  namespace: string;
  name: string;
}

/** A node-local image: its id, plus name and tag, the only filters its list has. */
export interface LocalImageId {
  kind: 'LocalImage';
  imageId: string;
  name: string;
  tag: string;
}

export type GlobalId = ContainerImageId | SharedRepositoryId | ProductImageId | CicdImageId | LocalImageId;

const PREFIX = {
  ContainerImage: 'ci1',
  SharedRepository: 'sr1',
  ProductImage: 'pi1',
  CicdImage: 'cc1',
  LocalImage: 'li1',
} as const;
const HSS_IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/;
const WORKSPACE_IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,1024}$/;

function encode(prefix: string, tuple: readonly string[]): string {
  return Buffer.from(`${prefix}:${JSON.stringify(tuple)}`, 'utf8').toString('base64url');
}

export function containerImageId(ref: ImageRef, imageId: string): string {
  return encode(PREFIX.ContainerImage, [ref.type, ref.namespace, ref.name, ref.tag, imageId]);
}

export function sharedRepositoryId(center: SwrShareCenter, namespace: string, name: string): string {
  return encode(PREFIX.SharedRepository, [center, namespace, name]);
}

export function productImageId(imageId: string): string {
  return encode(PREFIX.ProductImage, [imageId]);
}

function malformed(): never {
  throw userInputError('The id is malformed; use an id exactly as the gateway returned it.');
}

/** Splits a well-formed id into its prefix and string tuple, or throws BAD_USER_INPUT. */
function unwrap(id: string): { prefix: string; tuple: string[] } {
  if (!BASE64URL.test(id)) malformed();
  const text = Buffer.from(id, 'base64url').toString('utf8');
  // Only the canonical encoding of a valid UTF-8 text is accepted, so one object has exactly one id.
  if (Buffer.from(text, 'utf8').toString('base64url') !== id) malformed();
  const colon = text.indexOf(':');
  if (colon < 0) malformed();
  let tuple: unknown;
  try {
    tuple = JSON.parse(text.slice(colon + 1));
  } catch {
    malformed();
  }
  if (!Array.isArray(tuple) || !tuple.every((part) => typeof part === 'string')) malformed();
  return { prefix: text.slice(0, colon), tuple: tuple as string[] };
}

function decodeContainerImage(tuple: string[]): ContainerImageId {
  const [type, namespace, name, tag, imageId] = tuple;
  const ref = validImageRef(type, namespace, name, tag);
  if (tuple.length !== 5 || !ref || imageId === undefined || !HSS_IMAGE_ID.test(imageId)) malformed();
  return { kind: 'ContainerImage', ...ref, imageId };
}

function decodeSharedRepository(tuple: string[]): SharedRepositoryId {
  const [center, namespace, name] = tuple;
  if (
    tuple.length !== 3 ||
    (center !== 'self' && center !== 'thirdparty') ||
    namespace === undefined ||
    !isValidImageRefPart('namespace', namespace) ||
    name === undefined ||
    !isValidImageRefPart('name', name)
  ) {
    malformed();
  }
  return { kind: 'SharedRepository', center, namespace, name };
}

function decodeProductImage(tuple: string[]): ProductImageId {
  const [imageId] = tuple;
  if (tuple.length !== 1 || imageId === undefined || !WORKSPACE_IMAGE_ID.test(imageId)) malformed();
  return { kind: 'ProductImage', imageId };
}

export function cicdImageId(imageId: string, namespace: string, name: string): string {
  return encode(PREFIX.CicdImage, [imageId, namespace, name]);
}

export function localImageId(imageId: string, name: string, tag: string): string {
  return encode(PREFIX.LocalImage, [imageId, name, tag]);
}

/** Free-form upstream text inside an id (local image names carry a registry host): bounded, printable. */
const ID_TEXT = /^[\x21-\x7e]{1,256}$/;

function decodeCicdImage(tuple: string[]): CicdImageId {
  const [imageId, namespace, name] = tuple;
  if (
    tuple.length !== 3 ||
    imageId === undefined ||
    !HSS_IMAGE_ID.test(imageId) ||
    namespace === undefined ||
    !(namespace === '' || ID_TEXT.test(namespace)) ||
    name === undefined ||
    !ID_TEXT.test(name)
  ) {
    malformed();
  }
  return { kind: 'CicdImage', imageId, namespace, name };
}

function decodeLocalImage(tuple: string[]): LocalImageId {
  const [imageId, name, tag] = tuple;
  if (
    tuple.length !== 3 ||
    imageId === undefined ||
    !HSS_IMAGE_ID.test(imageId) ||
    name === undefined ||
    !ID_TEXT.test(name) ||
    tag === undefined ||
    !(tag === '' || ID_TEXT.test(tag))
  ) {
    malformed();
  }
  return { kind: 'LocalImage', imageId, name, tag };
}

/** Decodes any global id; throws BAD_USER_INPUT for anything malformed or forged. */
export function decodeGlobalId(id: string): GlobalId {
  const { prefix, tuple } = unwrap(id);
  switch (prefix) {
    case PREFIX.ContainerImage:
      return decodeContainerImage(tuple);
    case PREFIX.SharedRepository:
      return decodeSharedRepository(tuple);
    case PREFIX.ProductImage:
      return decodeProductImage(tuple);
    case PREFIX.CicdImage:
      return decodeCicdImage(tuple);
    case PREFIX.LocalImage:
      return decodeLocalImage(tuple);
    default:
      return malformed();
  }
}

/** Decodes an id that must name a `kind` (e.g. `containerImage(id:)`). */
export function decodeIdOf<K extends GlobalId['kind']>(id: string, kind: K): Extract<GlobalId, { kind: K }> {
  const decoded = decodeGlobalId(id);
  if (decoded.kind !== kind) throw userInputError(`The id does not name a ${kind}.`);
  return decoded as Extract<GlobalId, { kind: K }>;
}
