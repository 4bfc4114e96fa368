/** Small helpers the service clients share: project id access and argument range checks. */

/** A fixed project id, or a lazy resolver (first use resolves it via IAM). */
export type ProjectIdInput = string | ((signal?: AbortSignal) => Promise<string>);

export function projectIdGetter(input: ProjectIdInput): (signal?: AbortSignal) => Promise<string> {
  return typeof input === 'string' ? () => Promise.resolve(input) : input;
}

/**
 * Out-of-range arguments are a gateway bug (callers clamp to the documented ranges), not user input:
 * they throw a `TypeError` before any quota is spent.
 */
export function checkIntegerRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${name} must be an integer in ${min}–${max}, got ${value}`);
  }
}

export function checkMaxLength(name: string, value: string | undefined, max: number): void {
  if (value !== undefined && value.length > max) {
    throw new TypeError(`${name} must be at most ${max} characters, got ${value.length}`);
  }
}

/** The context a shape check names in its error. */
