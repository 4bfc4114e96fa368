/**
 * The Huawei Cloud SDKs' own signer test vectors (Go `core/auth/signer/signer_test.go`, Python
 * `huaweicloud-sdk-core/tests/test_signer.py`), with AK `AccessKey` and SK `SecretKey`. They must match
 * byte for byte: the API gateway recomputes the same signature.
 */
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  signRequest,
} from '../../src/auth/signer';

const credentials = { accessKey: 'AccessKey', secretKey: 'SecretKey' };
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('AK/SK signer: Go SDK vectors', () => {
  // The Go signer never signs Content-Type, nor names with `_`; it does not add Host.
  const goHeaders = { 'X-Sdk-Date': '20060102T150405Z', TEST_UNDERSCORE: 'TEST_VALUE' };

  it('GET /path?limit=1: canonical request and signature', () => {
    const request = { method: 'GET', path: '/path', query: { limit: '1' }, headers: goHeaders, body: '' };
    expect(canonicalRequest(request)).toBe(
      `GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\n${EMPTY_SHA256}`,
    );
    const signed = signRequest(request, credentials);
    expect(signed.signedHeaders).toBe('x-sdk-date');
    expect(signed.signature).toBe('5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624');
    expect(signed.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, ' +
        'Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('POST /path?key=value with a JSON body (Go adds a trailing newline)', () => {
    const signed = signRequest(
      {
        method: 'POST',
        path: '/path',
        query: { key: 'value' },
        headers: goHeaders,
        body: '{"Name":"test","Id":1}\n',
      },
      credentials,
    );
    expect(signed.signedHeaders).toBe('x-sdk-date');
    expect(signed.signature).toBe('cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
  });

  it('canonical query with repeated keys and reserved characters', () => {
    expect(
      canonicalQuery({
        test: '一 (&=?!#%.*)',
        path: '/tmp/123',
        multi: ['3', '1', '2'],
        limit: '1',
        enable: 'true',
      }),
    ).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });
});

describe('AK/SK signer: Python SDK vectors', () => {
  const headers = { Host: 'service.endpoint.myhuaweicloud.com', 'X-Sdk-Date': '20200608T023900Z' };

  it('GET /resources?size=1 signs host and x-sdk-date', () => {
    const signed = signRequest(
      { method: 'GET', path: '/resources', query: { size: '1' }, headers, body: '' },
      credentials,
    );
    expect(signed.signedHeaders).toBe('host;x-sdk-date');
    expect(signed.signature).toBe('cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842');
  });

  it('POST /resources?size=1 with a JSON body', () => {
    const signed = signRequest(
      { method: 'POST', path: '/resources', query: { size: '1' }, headers, body: '{"name":"test","id":1}' },
      credentials,
    );
    expect(signed.signature).toBe('436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f');
  });

  it('hashes bytes and strings alike (the body signed is the body sent)', () => {
    const asBytes = signRequest(
      {
        method: 'POST',
        path: '/resources',
        query: { size: '1' },
        headers,
        body: Buffer.from('{"name":"test","id":1}'),
      },
      credentials,
    );
    expect(asBytes.signature).toBe('436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f');
  });
});

describe('AK/SK signer: canonical parts', () => {
  it('re-encodes each path segment and always ends in a slash', () => {
    expect(canonicalUri('/v5/pid/image/sha256%3Aab/apps')).toBe('/v5/pid/image/sha256%3Aab/apps/');
    expect(canonicalUri('/v5/pid/image/sha256:ab/')).toBe('/v5/pid/image/sha256%3Aab/');
    expect(canonicalUri('/a b/ü')).toBe('/a%20b/%C3%BC/');
    expect(canonicalUri('/')).toBe('/');
  });

  it('lower-cases, trims and sorts the signed headers', () => {
    const request = {
      method: 'get',
      path: '/x',
      query: {},
      headers: {
        'X-Sdk-Date': ' 20200608T023900Z ',
        'X-Project-Id': 'p1',
        'Content-Type': 'application/json',
      },
      body: '',
    };
    expect(canonicalRequest(request)).toBe(
      'GET\n/x/\n\ncontent-type:application/json\nx-project-id:p1\nx-sdk-date:20200608T023900Z\n\n' +
        `content-type;x-project-id;x-sdk-date\n${EMPTY_SHA256}`,
    );
  });

  it('changes the signature when the secret, the query or the body changes', () => {
    const base = {
      method: 'POST',
      path: '/p',
      query: { a: '1' },
      headers: { 'X-Sdk-Date': '20200608T023900Z' },
      body: '{}',
    };
    const reference = signRequest(base, credentials).signature;
    expect(signRequest(base, { ...credentials, secretKey: 'Other' }).signature).not.toBe(reference);
    expect(signRequest({ ...base, query: { a: '2' } }, credentials).signature).not.toBe(reference);
    expect(signRequest({ ...base, body: '{ }' }, credentials).signature).not.toBe(reference);
  });

  it('needs X-Sdk-Date', () => {
    expect(() =>
      signRequest({ method: 'GET', path: '/', query: {}, headers: {}, body: '' }, credentials),
    ).toThrow(/X-Sdk-Date/);
  });

  it('formats X-Sdk-Date as YYYYMMDDTHHMMSSZ in UTC', () => {
    expect(formatSdkDate(new Date('2019-11-15T03:36:55.123Z'))).toBe('20191115T033655Z');
  });
});
