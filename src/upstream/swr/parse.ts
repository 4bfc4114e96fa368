/**
 * Shape checks for `GET /v2/manage/shared-repositories` (docs/huawei-cloud-apis.md §A4, §E): a bare array of `ShowReposResp`.
 * Go models every field as always present; only the identity (name, namespace) is required here, other
 * fields default, and `total_range` may be missing (the client falls back to `Content-Range`).
 */
import {
  booleanOr,
  expectArray,
  expectObject,
  expectString,
  numberOr,
  optionalNumber,
  stringOr,
  type Json,
} from '../shape';
import { ShapeError } from '../shape';
import type { SwrSharedRepository } from './types';

export type ParsedSharedRepository = Omit<SwrSharedRepository, 'total_range'> & { total_range?: number };

export function parseSharedRepositories(body: unknown): ParsedSharedRepository[] {
  return expectArray(body, 'body').map((item, index) => parseSharedRepository(item, `body[${index}]`));
}

function parseSharedRepository(value: unknown, path: string): ParsedSharedRepository {
  const o = expectObject(value, path);
  const totalRange = optionalNumber(o, 'total_range', path);
  return {
    name: expectString(o, 'name', path),
    category: stringOr(o, 'category', path, 'other') as SwrSharedRepository['category'],
    description: stringOr(o, 'description', path, ''),
    size: numberOr(o, 'size', path, 0),
    is_public: booleanOr(o, 'is_public', path, false),
    num_images: numberOr(o, 'num_images', path, 0),
    num_download: numberOr(o, 'num_download', path, 0),
    created_at: stringOr(o, 'created_at', path, ''),
    updated_at: stringOr(o, 'updated_at', path, ''),
    logo: stringOr(o, 'logo', path, ''),
    url: stringOr(o, 'url', path, ''),
    path: stringOr(o, 'path', path, ''),
    internal_path: stringOr(o, 'internal_path', path, ''),
    domain_name: stringOr(o, 'domain_name', path, ''),
    namespace: expectString(o, 'namespace', path),
    tags: optionalTags(o, path),
    status: booleanOr(o, 'status', path, false),
    ...(totalRange !== undefined && { total_range: totalRange }),
  };
}

function optionalTags(o: Json, path: string): string[] {
  if (o.tags === undefined || o.tags === null) return [];
  return expectArray(o.tags, `${path}.tags`).map((tag, index) => {
    if (typeof tag !== 'string') throw new ShapeError(`${path}.tags[${index}]`, 'a string');
    return tag;
  });
}

/** The total after the slash of `Content-Range` (`0-10/57` or `items 0-9/57`). */
export function totalFromContentRange(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /\/\s*(\d+)\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
}
