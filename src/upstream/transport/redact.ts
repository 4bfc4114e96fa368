/** Replaces every occurrence of the given secrets (token, password, project id) in text meant for clients or logs. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real secrets and ids are long.
    if (secret === undefined || secret.length < 4) continue;
    result = result.split(secret).join('[redacted]');
  }
  return result;
}
