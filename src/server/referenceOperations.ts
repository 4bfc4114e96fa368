import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One reference operation from `operations/`, as the explorer offers it. */
export interface ReferenceOperation {
  name: string;
  document: string;
  /** The typical variables its header comment gives (`# variables: { … }`), pretty-printed JSON. */
  variables?: string;
}

/** The repository's `operations/` folder, from `src/server` and from the compiled `dist/server` alike. */
export const OPERATIONS_DIRECTORY = path.join(__dirname, '../../operations');

/** The tab the explorer opens on: the frontends' main page. */
const FIRST_OPERATION = 'ImageDashboard';

/**
 * Reads the `*.graphql` files of a folder, the main page first, then in name order. A missing folder is
 * no operations: the explorer still works, with an empty editor.
 */
export function readReferenceOperations(directory: string = OPERATIONS_DIRECTORY): ReferenceOperation[] {
  let files: string[];
  try {
    files = readdirSync(directory).filter((file) => file.endsWith('.graphql'));
  } catch {
    return [];
  }
  const first = `${FIRST_OPERATION}.graphql`;
  const ordered = files.sort().sort((a, b) => Number(b === first) - Number(a === first));
  return ordered.map((file) => {
    const document = readFileSync(path.join(directory, file), 'utf8');
    const variables = variablesFromHeader(document);
    return {
      name: path.basename(file, '.graphql'),
      document,
      ...(variables !== undefined && { variables }),
    };
  });
}

/** The JSON after `variables:` in the leading comment lines, when it parses. */
function variablesFromHeader(document: string): string | undefined {
  const header: string[] = [];
  for (const line of document.split('\n')) {
    if (!line.startsWith('#')) break;
    header.push(line.slice(1).trim());
  }
  const text = header.join(' ');
  const start = text.indexOf('variables:');
  if (start === -1) return undefined;
  try {
    return JSON.stringify(JSON.parse(text.slice(start + 'variables:'.length)), null, 2);
  } catch {
    return undefined;
  }
}
