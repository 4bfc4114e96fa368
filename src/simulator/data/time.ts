/** Huawei APIs format UTC times with microseconds: `2021-06-02T09:23:01.751202Z`. */
export function microsecondUtc(epochMs: number, extraMicros = 0): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, -1)}${String(extraMicros % 1000).padStart(3, '0')}Z`;
}
