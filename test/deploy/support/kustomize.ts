import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = path.join(__dirname, '../../..');
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

/** One rendered Kubernetes object; only the fields the tests read are typed. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** `kubectl kustomize <dir>` parsed into objects; fails with a clear message when kubectl is missing. */
export function renderKustomization(relativeDir: string): KubeObject[] {
  if (!existsSync(KUBECTL)) {
    throw new Error(
      `kubectl not found at ${KUBECTL}: the deploy/ manifests are checked by rendering them with ` +
        '`kubectl kustomize`; install kubectl or set KUBECTL to its path.',
    );
  }
  const output = execFileSync(KUBECTL, ['kustomize', path.join(REPO_ROOT, relativeDir)], {
    encoding: 'utf8',
  });
  return parseAllDocuments(output).map((document) => document.toJS() as KubeObject);
}

export function findObject(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`the render has no ${kind}/${name}`);
  return found;
}
