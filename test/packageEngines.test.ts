/**
 * The Node versions package.json promises are the ones `npm ci` installs without an engine warning: every
 * package in the lockfile accepts every Node the `engines` range allows (the build machines' Node 20
 * included), and the container's Node (the Dockerfile's base image) is inside the range.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.join(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('supported Node versions', () => {
  it('are accepted by every installed package', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => !Array.isArray(entry.engines) && entry.engines?.node !== undefined)
      .filter(([, entry]) => {
        const range = (entry.engines as { node: string }).node;
        return !semver.subset(manifest.engines.node, range);
      })
      .map(
        ([name, entry]) => `${name}@${entry.version} wants node ${(entry.engines as { node: string }).node}`,
      );
    // A package here makes `npm ci` warn on the build machines: pin or override it (package.json "overrides").
    expect(refusing).toEqual([]);
  });

  it('include the Node of the container image', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const majors = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((match) => Number(match[1]));
    expect(majors.length).toBeGreaterThan(0);
    for (const major of majors) expect(semver.satisfies(`${major}.0.0`, manifest.engines.node)).toBe(true);
  });
});
