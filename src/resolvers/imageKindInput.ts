/**
 * Validation of CI/CD and node-local image filters before they reach HSS (every HSS call is scarce, and a
 * value HSS would refuse must cost nothing): ranges and vocabularies from ListCicdImages / ListImageLocal.
 */
import { userInputError } from '../graphql/errors';
import { HSS_SCAN_STATUS_FILTERS, type HssScanStatus } from '../upstream/hss/types';

/** HSS image ids: a `sha256:` digest, or the opaque id of a CI/CD image; at most 128 characters. */
export const HSS_IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/;
/** Printable text without spaces or control characters (names, hosts, ids), as the lists take it. */
const PLAIN_TEXT = /^[\x21-\x7e]+$/;

export function isPlainText(value: string, max: number): boolean {
  return value.length >= 1 && value.length <= max && PLAIN_TEXT.test(value);
}

/** A 1–`max` character text filter; BAD_USER_INPUT naming the argument otherwise. */
export function textFilter(argument: string, value: string, max: number): string {
  if (!isPlainText(value, max)) {
    throw userInputError(`${argument} must be 1–${max} printable characters without spaces.`);
  }
  return value;
}

export function imageIdFilter(argument: string, value: string): string {
  if (!HSS_IMAGE_ID.test(value)) {
    throw userInputError(`${argument} must be an HSS image id: 1–128 letters, digits and : . _ -.`);
  }
  return value;
}

type ScanStatusFilter = (typeof HSS_SCAN_STATUS_FILTERS)[number];

/** HSS image lists filter only on UNSCANNED, SUCCESS, SCANNING, FAILED and WAITING_FOR_SCAN. */
export function scanStatusFilter(argument: string, value: HssScanStatus): ScanStatusFilter {
  if (!(HSS_SCAN_STATUS_FILTERS as readonly string[]).includes(value)) {
    throw userInputError(
      `${argument}: HSS filters only on UNSCANNED, SUCCESS, SCANNING, FAILED, WAITING_FOR_SCAN.`,
    );
  }
  return value as ScanStatusFilter;
}
