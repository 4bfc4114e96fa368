/**
 * Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), as the API gateway verifies it and the Huawei SDKs
 * implement it. Pure: no I/O, no clock (the caller passes the date).
 *
 *   canonical request = METHOD \n canonical URI \n canonical query \n canonical headers \n signed headers \n hex sha256(body)
 *   string to sign    = SDK-HMAC-SHA256 \n {X-Sdk-Date} \n hex sha256(canonical request)
 *   signature         = hex HMAC-SHA256(key = secret key, string to sign)
 *
 * Unlike AWS SigV4 there is no key derivation; the secret key is the HMAC key as is.
 */
import { createHash, createHmac } from 'node:crypto';
import { encodePathSegment as encodeRfc3986 } from '../upstream/transport/query';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
}

export interface SigningRequest {
  method: string;
  /** The path as it goes on the wire (segments may already be percent-encoded; they are normalised). */
  path: string;
  /** Decoded query parameters; an array for a repeated key. */
  query: Readonly<Record<string, string | readonly string[]>>;
  /**
   * The headers to sign (any case), `X-Sdk-Date` included. Names containing `_` are never signed, as in
   * every Huawei SDK (the API gateway drops such headers).
   */
  headers: Readonly<Record<string, string>>;
  /** Exactly the bytes sent; '' for no body. */
  body: string | Uint8Array;
}

export interface Signature {
  signedHeaders: string;
  signature: string;
  /** The `Authorization` header value. */
  authorization: string;
}

/** `YYYYMMDDTHHMMSSZ` in UTC, the format of `X-Sdk-Date`. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function signRequest(request: SigningRequest, credentials: AkSkCredentials): Signature {
  const sdkDate = headerNamed(request.headers, 'x-sdk-date');
  if (sdkDate === undefined) throw new TypeError('an X-Sdk-Date header is required to sign a request');
  const signedHeaders = signedHeaderNames(request.headers);
  const stringToSign = `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest(request))}`;
  const signature = createHmac('sha256', credentials.secretKey).update(stringToSign, 'utf8').digest('hex');
  return {
    signedHeaders: signedHeaders.join(';'),
    signature,
    authorization: `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
  };
}

export function canonicalRequest(request: SigningRequest): string {
  const names = signedHeaderNames(request.headers);
  const values = new Map(
    Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value.trim()]),
  );
  const canonicalHeaders = names.map((name) => `${name}:${values.get(name) ?? ''}\n`).join('');
  return [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.query),
    canonicalHeaders,
    names.join(';'),
    sha256Hex(request.body),
  ].join('\n');
}

/** Each segment decoded, then RFC 3986-encoded; always ends in `/`. */
export function canonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeRfc3986(safeDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Keys sorted, a repeated key's values sorted, every key and value RFC 3986-encoded (`%20` for space). */
export function canonicalQuery(query: SigningRequest['query']): string {
  const pairs: string[] = [];
  for (const key of Object.keys(query).sort(byUtf8Bytes)) {
    const value = query[key]!;
    const values = typeof value === 'string' ? [value] : [...value].sort(byUtf8Bytes);
    for (const item of values) pairs.push(`${encodeRfc3986(key)}=${encodeRfc3986(item)}`);
  }
  return pairs.join('&');
}

function signedHeaderNames(headers: SigningRequest['headers']): string[] {
  return [
    ...new Set(
      Object.keys(headers)
        .map((name) => name.toLowerCase())
        .filter((name) => !name.includes('_')),
    ),
  ].sort();
}

function headerNamed(headers: SigningRequest['headers'], lowerName: string): string | undefined {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === lowerName);
  return entry?.[1].trim();
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A segment that is not valid percent-encoding is signed as the literal text it is. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The SDKs sort Go/Python strings, i.e. by bytes; UTF-16 order differs outside the BMP. */
function byUtf8Bytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
