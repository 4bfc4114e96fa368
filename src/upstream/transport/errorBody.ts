/**
 * Parses an upstream error body in every documented shape (docs/huawei-cloud-apis.md §D1) into code, message and request id.
 * Mirrors the official SDKs: `error_code`/`error_msg`, then `code`/`message`, then `errorCode`/`errorMsg`,
 * then a recursive search of nested objects (SWR `errors[]`, Keystone `error{}`, bare arrays).
 */
export interface ParsedErrorBody {
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
}

/** Nested search stops here: real bodies nest one or two levels, and a hostile body must not recurse forever. */
const MAX_DEPTH = 4;

type Json = Record<string, unknown>;

const CODE_MESSAGE_PAIRS: readonly (readonly [code: string, message: readonly string[]])[] = [
  ['error_code', ['error_msg', 'error_message']],
  ['code', ['message', 'title']],
  ['errorCode', ['errorMsg', 'errorMessage']],
];

/** Returns what could be read; an empty object when the body is empty, not JSON, or has no code. */
export function parseErrorBody(body: string | Uint8Array | undefined): ParsedErrorBody {
  const json = parseJson(body);
  if (json === undefined) return {};
  const found = search(json, 0) ?? {};
  const requestId = isObject(json) ? asText(json.request_id) : undefined;
  return requestId === undefined ? found : { ...found, requestId };
}

function parseJson(body: string | Uint8Array | undefined): unknown {
  if (body === undefined) return undefined;
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function search(value: unknown, depth: number): ParsedErrorBody | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = search(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const direct = readPair(value);
  if (direct) return direct;
  // SWR's `errors[]` and Keystone's `error{}` come first: they are the documented nests.
  for (const key of ['errors', 'error', ...Object.keys(value)]) {
    const nested = value[key];
    if (nested === undefined || (!isObject(nested) && !Array.isArray(nested))) continue;
    const found = search(nested, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function readPair(object: Json): ParsedErrorBody | undefined {
  for (const [codeKey, messageKeys] of CODE_MESSAGE_PAIRS) {
    const errorCode = asText(object[codeKey]);
    if (errorCode === undefined || errorCode === '') continue;
    const errorMessage = messageKeys.map((key) => asText(object[key])).find((text) => text !== undefined);
    const requestId = asText(object.request_id);
    return {
      errorCode,
      ...(errorMessage !== undefined && { errorMessage }),
      ...(requestId !== undefined && { requestId }),
    };
  }
  return undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // Keystone sends the HTTP status as a number: `{"error":{"code":401,...}}`.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
