/** Filter pieces ListCicdImages and ListImageLocal share. */
import type { HssImageApp, HssPage } from '../../../upstream/hss/types';
import type { SimulatedImageApp } from '../../data/software';
import type { ParamReader } from '../../params';

export function within(value: number, range: readonly [number, number]): boolean {
  return value >= range[0] && value <= range[1];
}

interface RiskCounts {
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
}

const RISKS = {
  has_vul: (record: RiskCounts) => record.vul_num > 0,
  has_malicious_file: (record: RiskCounts) => record.malicious_file_num > 0,
  has_unsafe_setting: (record: RiskCounts) => record.unsafe_setting_num > 0,
  risky: (record: RiskCounts) => record.vul_num + record.malicious_file_num + record.unsafe_setting_num > 0,
} as const;

/** The boolean risk filters an API documents (`has_vul`, …, `risky`), read once, as one predicate. */
export function riskFilter(
  params: ParamReader,
  names: readonly (keyof typeof RISKS)[],
): (record: RiskCounts) => boolean {
  const wanted = names.flatMap((name) => {
    const value = params.bool(name);
    return value === undefined ? [] : [[RISKS[name], value] as const];
  });
  return (record) => wanted.every(([has, value]) => has(record) === value);
}

/** The `{ total_num, data_list }` page of matching entries' records. */
export function pageOfEntries<T>(
  matches: readonly { record: T }[],
  offset: number,
  limit: number,
): HssPage<T> {
  return {
    total_num: matches.length,
    data_list: matches.slice(offset, offset + limit).map((entry) => entry.record),
  };
}

/** One page of an image's software with the four per-image fields; `appName` is a case-insensitive substring. */
export function perImageAppsPage(
  apps: readonly SimulatedImageApp[],
  offset: number,
  limit: number,
  appName: string | undefined,
): HssPage<HssImageApp> {
  const needle = appName?.toLowerCase();
  const matching = needle ? apps.filter((app) => app.app_name.toLowerCase().includes(needle)) : apps;
  return {
    total_num: matching.length,
    data_list: matching.slice(offset, offset + limit).map(({ app_name, app_type, app_version, vul_num }) => ({
      app_name,
      app_type,
      app_version,
      vul_num,
    })),
  };
}
