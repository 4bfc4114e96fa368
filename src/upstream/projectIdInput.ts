/** The project id the HSS and Workspace clients put in their paths: fixed, or resolved on first use. */
export type ProjectIdInput = string | ((signal?: AbortSignal) => Promise<string>);

export function projectIdGetter(input: ProjectIdInput): (signal?: AbortSignal) => Promise<string> {
  return typeof input === 'string' ? () => Promise.resolve(input) : input;
}
