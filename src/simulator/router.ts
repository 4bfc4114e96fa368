/**
 * Maps method + path to a route. All services share one origin; their paths do not collide.
 * A wrong method on a known path is "no such API" (404 APIGW.0101), as the gateway answers.
 * A single trailing slash is tolerated.
 */
import { batchScanSwrImageRoute } from './routes/hss/batchScan';
import { showImageFilesStatRoute } from './routes/hss/filesStat';
import { listGlobalImageAppsRoute } from './routes/hss/globalImageApps';
import { listCicdImagesRoute } from './routes/hss/cicdImages';
import { listImageAppsRoute } from './routes/hss/imageApps';
import { listImageLocalRoute, listLocalImageAppInfoRoute } from './routes/hss/localImages';
import { listRegistryImagesRoute } from './routes/hss/registryImages';
import { baselineCheckRoutes } from './routes/hss/baselineChecks';
import { vulnerabilityRoutes } from './routes/hss/vulnerabilities';
import { iamRoutes } from './routes/iam';
import { swrRoutes } from './routes/swr';
import type { RouteDefinition } from './routes/types';
import { workspaceRoutes } from './routes/workspace';

export const ROUTES: readonly RouteDefinition[] = [
  ...iamRoutes,
  // Before ListImageApps, whose `/image/{image_id}/apps` would also match `/image/local/apps`.
  listLocalImageAppInfoRoute,
  listCicdImagesRoute,
  listImageLocalRoute,
  listRegistryImagesRoute,
  listGlobalImageAppsRoute,
  listImageAppsRoute,
  showImageFilesStatRoute,
  batchScanSwrImageRoute,
  ...vulnerabilityRoutes,
  ...baselineCheckRoutes,
  ...swrRoutes,
  ...workspaceRoutes,
];

interface CompiledRoute {
  route: RouteDefinition;
  segments: string[];
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[] = ROUTES) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split('/').slice(1) }));
  }

  match(method: string, path: string): RouteMatch | undefined {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const segments = trimmed.split('/').slice(1);
    for (const { route, segments: pattern } of this.compiled) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const params = matchSegments(pattern, segments);
      if (params) return { route, params };
    }
    return undefined;
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let k = 0; k < pattern.length; k++) {
    const expected = pattern[k] as string;
    const actual = segments[k] as string;
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (expected !== actual) return undefined;
  }
  return params;
}
