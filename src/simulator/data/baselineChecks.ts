/**
 * Baseline (configuration) checks of scanned images. HSS checks only CentOS 7, Debian 10, EulerOS and
 * Ubuntu 16 images: here RPM-based images are EulerOS and DEB-based ones Debian 10; Alpine images get no
 * checks. A checked image's failed rules add up to its `unsafe_setting_num` (spread over its checks, up
 * to each check's rule count). Checks follow the Huawei standard (`hw_standard`) only.
 */
import type { Dataset } from './dataset';
import type { OsFamily } from './names';
import { hash32 } from './prng';

export type CheckSeverity = 'Security' | 'Low' | 'Medium' | 'High';
export type RuleSeverity = CheckSeverity | 'Critical';

export interface BaselineRuleDefinition {
  id: string;
  name: string;
  severity: RuleSeverity;
}

export interface BaselineCheckDefinition {
  checkName: string;
  checkType: string;
  description: string;
  severity: CheckSeverity;
  rules: BaselineRuleDefinition[];
}

export interface ImageBaselineCheck {
  check: BaselineCheckDefinition;
  standard: 'hw_standard';
  /** Indices into `check.rules` that failed on this image. */
  failed: Set<number>;
}

const SALT_BASELINE = 811;
const RULE_SEVERITIES: readonly RuleSeverity[] = ['Critical', 'High', 'Medium', 'Low', 'Security'];

function check(
  checkName: string,
  description: string,
  severity: CheckSeverity,
  ruleNames: readonly string[],
): BaselineCheckDefinition {
  return {
    checkName,
    checkType: checkName,
    description,
    severity,
    rules: ruleNames.map((name, r) => ({
      id: `${checkName.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${String(r + 1).padStart(3, '0')}`,
      name,
      severity: RULE_SEVERITIES[
        hash32(SALT_BASELINE, checkName.length, r) % RULE_SEVERITIES.length
      ] as RuleSeverity,
    })),
  };
}

const ACCOUNT_RULES = [
  'Password expiry is set to at most 90 days',
  'Passwords are at least 8 characters long',
  'Password complexity requires three character classes',
  'Accounts are locked after 5 failed logins',
  'No account has an empty password',
  'Only root has UID 0',
  'Default umask is 027 or stricter',
  'System accounts have no login shell',
] as const;
const SSH_RULES = [
  'SSH root login is disabled',
  'SSH protocol 2 only',
  'SSH MaxAuthTries is 4 or less',
  'SSH idle timeout is configured',
  'SSH empty passwords are refused',
  'SSH X11 forwarding is disabled',
] as const;
const FILE_RULES = [
  '/etc/passwd is owned by root with mode 644',
  '/etc/shadow is not world readable',
  'No world-writable files in system directories',
  'Sticky bit is set on world-writable directories',
  'Core dumps are restricted',
  'cron is restricted to authorised users',
] as const;

const CHECKS: Record<OsFamily, readonly BaselineCheckDefinition[]> = {
  rpm: [
    check('EulerOS', 'EulerOS system configuration baseline', 'High', [...ACCOUNT_RULES, ...FILE_RULES]),
    check('SSH', 'OpenSSH server configuration baseline', 'Medium', SSH_RULES),
  ],
  deb: [
    check('Debian10', 'Debian 10 system configuration baseline', 'High', [...ACCOUNT_RULES, ...FILE_RULES]),
    check('SSH', 'OpenSSH server configuration baseline', 'Medium', SSH_RULES),
  ],
  apk: [],
};

/** Every check name any image can have (for validating the rules path). */
export const BASELINE_CHECK_NAMES: ReadonlySet<string> = new Set(
  Object.values(CHECKS).flatMap((checks) => checks.map((definition) => definition.checkName)),
);

/** The checks of image `i` in its current scan state ([] unless its last scan succeeded on a checked OS). */
export function baselineChecksOf(dataset: Dataset, i: number): ImageBaselineCheck[] {
  dataset.scans.settle();
  const scan = dataset.scans.get(i);
  if (scan.status !== 'success') return [];
  const checks = CHECKS[dataset.images.repository(i).os];
  let remaining = scan.unsafe;
  return checks.map((definition, c) => {
    const failedCount =
      c === checks.length - 1
        ? Math.min(remaining, definition.rules.length)
        : Math.min(remaining, definition.rules.length, Math.ceil(scan.unsafe * 0.7));
    remaining -= failedCount;
    const start = hash32(dataset.seed, SALT_BASELINE, i, scan.generation * 8 + c) % definition.rules.length;
    const failed = new Set<number>();
    for (let f = 0; f < failedCount; f++) failed.add((start + f) % definition.rules.length);
    return { check: definition, standard: 'hw_standard' as const, failed };
  });
}
