/** Shape checks for IAM answers (docs/huawei-cloud-apis.md §C1). Only what the gateway reads is required. */
import { ShapeError, expectArray, expectObject, expectString, optionalString, type Json } from '../shape';
import type { IamProject } from './types';

export interface ParsedToken {
  expiresAt: number;
  issuedAt?: number;
  projectId?: string;
}

export function parseTokenBody(body: unknown): ParsedToken {
  const token = expectObject(expectObject(body, 'body').token, 'body.token');
  const expiresAt = parseTime(token, 'expires_at', 'body.token');
  const issuedText = optionalString(token, 'issued_at', 'body.token');
  const issuedAt = issuedText === undefined ? undefined : Date.parse(issuedText);
  const project = token.project === undefined ? undefined : expectObject(token.project, 'body.token.project');
  const projectId = project === undefined ? undefined : expectString(project, 'id', 'body.token.project');
  return {
    expiresAt,
    ...(issuedAt !== undefined && !Number.isNaN(issuedAt) && { issuedAt }),
    ...(projectId !== undefined && { projectId }),
  };
}

export function parseProjectsBody(body: unknown): Pick<IamProject, 'id' | 'name'>[] {
  const projects = expectArray(expectObject(body, 'body').projects, 'body.projects');
  return projects.map((item, index) => {
    const path = `body.projects[${index}]`;
    const project = expectObject(item, path);
    return { id: expectString(project, 'id', path), name: expectString(project, 'name', path) };
  });
}

function parseTime(object: Json, key: string, path: string): number {
  const time = Date.parse(expectString(object, key, path));
  if (Number.isNaN(time)) throw new ShapeError(`${path}.${key}`, 'an ISO-8601 time');
  return time;
}
