/**
 * AK/SK signature checks as the API gateway makes them (SDK-HMAC-SHA256, docs §C2 and the signing guide),
 * written for the simulator alone: it rebuilds the canonical request from what it RECEIVED (raw path,
 * raw query, the headers named in SignedHeaders, the body bytes) and compares signatures.
 *
 * Answers, as the gateway does: malformed or missing parts, an unknown access key, a wrong signature, or a
 * temporary key without its security token → 401 APIGW.0301; `X-Sdk-Date` more than 15 minutes away from
 * the server clock → 401 APIGW.0303 ("signature expired").
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { gatewayError } from './errors';

export interface SimulatorAccessKey {
  accessKey: string;
  secretKey: string;
  /** Temporary keys only: requests must carry it as `X-Security-Token`. */
  securityToken?: string;
}

export interface SignedRequest {
  method: string;
  /** The request target as received: raw (percent-encoded) path and query. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const MAX_SKEW_MS = 15 * 60_000;
const AUTHORIZATION =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Did the caller sign this request (rather than send a token)? */
export function isSignedRequest(headers: IncomingHttpHeaders): boolean {
  return /^SDK-HMAC-SHA256\s/.test(headers.authorization ?? '');
}

export class AccessKeyVerifier {
  private readonly keys: Map<string, SimulatorAccessKey>;

  constructor(
    keys: readonly SimulatorAccessKey[],
    private readonly now: () => number = Date.now,
  ) {
    this.keys = new Map(keys.map((key) => [key.accessKey, key]));
  }

  /** Throws the gateway's error answer unless the request is correctly signed by a known key. */
  verify(request: SignedRequest): void {
    const parsed = AUTHORIZATION.exec(request.headers.authorization ?? '');
    if (!parsed) throw incorrect('malformed Authorization header');
    const [, accessKey, signedHeaderList, signature] = parsed as unknown as [string, string, string, string];

    const date = parseSdkDate(single(request.headers['x-sdk-date']));
    if (date === undefined) throw incorrect('x-sdk-date missing or malformed');
    if (Math.abs(this.now() - date) > MAX_SKEW_MS) {
      throw gatewayError(401, 'APIGW.0303', 'Incorrect app authentication information: signature expired');
    }
    const key = this.keys.get(accessKey);
    if (!key) throw incorrect('access key not found');
    const signedHeaders = signedHeaderList.split(';');
    if (!signedHeaders.includes('x-sdk-date')) throw incorrect('x-sdk-date is not signed');

    const expected = createHmac('sha256', key.secretKey)
      .update(stringToSign(request, signedHeaders, single(request.headers['x-sdk-date'])!))
      .digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      throw incorrect('verify aksk signature fail');
    }
    if (
      key.securityToken !== undefined &&
      single(request.headers['x-security-token']) !== key.securityToken
    ) {
      throw incorrect('the security token of a temporary access key is missing or wrong');
    }
  }
}

function incorrect(detail: string) {
  return gatewayError(401, 'APIGW.0301', `Incorrect IAM authentication information: ${detail}`);
}

function stringToSign(request: SignedRequest, signedHeaders: string[], sdkDate: string): string {
  const mark = request.target.indexOf('?');
  const rawPath = mark < 0 ? request.target : request.target.slice(0, mark);
  const rawQuery = mark < 0 ? '' : request.target.slice(mark + 1);
  const headerLines = [...signedHeaders]
    .sort()
    .map((name) => `${name}:${(single(request.headers[name]) ?? '').trim()}\n`)
    .join('');
  const canonical = [
    request.method,
    uri(rawPath),
    query(rawQuery),
    headerLines,
    [...signedHeaders].sort().join(';'),
    sha256(request.body),
  ].join('\n');
  return ['SDK-HMAC-SHA256', sdkDate, sha256(canonical)].join('\n');
}

function uri(rawPath: string): string {
  const segments = rawPath.split('/').map((segment) => escape(unescapeSegment(segment)));
  const joined = segments.join('/');
  return joined.endsWith('/') ? joined : `${joined}/`;
}

function query(rawQuery: string): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  return [...byKey.keys()]
    .sort(compareBytes)
    .flatMap((key) =>
      byKey
        .get(key)!
        .sort(compareBytes)
        .map((value) => `${escape(key)}=${escape(value)}`),
    )
    .join('&');
}

/** RFC 3986: unreserved bytes as they are, every other UTF-8 byte as %XX. */
function escape(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function unescapeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseSdkDate(value: string | undefined): number | undefined {
  const match = value === undefined ? null : SDK_DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
