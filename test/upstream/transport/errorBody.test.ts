import { parseErrorBody } from '../../../src/upstream/transport/errorBody';

describe('parseErrorBody', () => {
  it.each<[string, unknown, object]>([
    [
      'error_code/error_msg with a gateway request id',
      { error_code: 'APIG.0308', error_msg: 'throttled', request_id: 'req-9' },
      { errorCode: 'APIG.0308', errorMessage: 'throttled', requestId: 'req-9' },
    ],
    [
      'code/message',
      { code: 'WKS.0001', message: 'empty request message' },
      { errorCode: 'WKS.0001', errorMessage: 'empty request message' },
    ],
    [
      'errorCode/errorMsg',
      { errorCode: 'X.1', errorMsg: 'python style' },
      { errorCode: 'X.1', errorMessage: 'python style' },
    ],
    [
      'SWR dual format (old and new together)',
      {
        errors: [{ errorCode: 'SVCSTG.SWR.4030170', errorMessage: 'Insufficient permissions', detail: '' }],
        error_code: 'SVCSTG.SWR.4030170',
        error_msg: 'Insufficient permissions',
        details: [{ error_code: 'SVCSTG.SWR.4030170', error_msg: '' }],
      },
      { errorCode: 'SVCSTG.SWR.4030170', errorMessage: 'Insufficient permissions' },
    ],
    [
      'SWR bare array',
      [{ errorCode: 'SVCSTG.SWR.4040010', errorMessage: 'image not found', detail: '' }],
      { errorCode: 'SVCSTG.SWR.4040010', errorMessage: 'image not found' },
    ],
    [
      'SWR new format only',
      { errors: [{ errorCode: 'SVCSTG.SWR.4000014', errorMessage: 'invalid parameter', detail: '' }] },
      { errorCode: 'SVCSTG.SWR.4000014', errorMessage: 'invalid parameter' },
    ],
    [
      'Keystone error object with a numeric code',
      {
        error: {
          code: 401,
          message: 'The request you have made requires authentication.',
          title: 'Unauthorized',
        },
      },
      { errorCode: '401', errorMessage: 'The request you have made requires authentication.' },
    ],
    [
      'code nested deeper in an unknown wrapper',
      { result: { failure: { error_code: 'IAM.0011', error_msg: 'invalid body' } } },
      { errorCode: 'IAM.0011', errorMessage: 'invalid body' },
    ],
    ['code without a message', { error_code: 'HSS.0001' }, { errorCode: 'HSS.0001' }],
  ])('reads %s', (_name, body, expected) => {
    expect(parseErrorBody(JSON.stringify(body))).toEqual(expected);
  });

  it('reads a Buffer body', () => {
    expect(parseErrorBody(Buffer.from('{"error_code":"HSS.0011","error_msg":"nf"}'))).toEqual({
      errorCode: 'HSS.0011',
      errorMessage: 'nf',
    });
  });

  it.each([
    ['empty', ''],
    ['whitespace', '  \n'],
    ['not JSON', '<html>502 Bad Gateway</html>'],
    ['JSON without a code', '{"message":"no code here"}'],
    ['a JSON scalar', '42'],
    ['an empty code', '{"error_code":"","error_msg":"x"}'],
  ])('returns nothing for %s', (_name, text) => {
    expect(parseErrorBody(text)).toEqual({});
  });

  it('returns nothing for an undefined body', () => {
    expect(parseErrorBody(undefined)).toEqual({});
  });

  it('stops searching very deep nests', () => {
    let body: unknown = { error_code: 'DEEP', error_msg: 'x' };
    for (let level = 0; level < 10; level += 1) body = { wrap: body };
    expect(parseErrorBody(JSON.stringify(body))).toEqual({});
  });
});
