/** Query-string building shared by the core and the service clients (RFC 3986 encoding, as the SDK signer uses). */

export type QueryValue = string | number | boolean | undefined;

/** Stringifies query values: booleans lowercase, numbers in decimal, `undefined` dropped. */
export function stringifyQuery(query: Readonly<Record<string, QueryValue>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    result[name] = typeof value === 'string' ? value : String(value);
  }
  return result;
}

/** `?a=1&b=x%7Cy`, or '' for no parameters. */
export function encodeQuery(query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(
    ([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`,
  );
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/** One path segment, percent-encoded (`sha256:ab` → `sha256%3Aab`). */
export function encodePathSegment(segment: string): string {
  return encodeRfc3986(segment);
}

/** `encodeURIComponent` leaves `!'()*` alone; RFC 3986 (and the Huawei signer) encodes them. */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
