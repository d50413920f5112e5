/**
 * @module
 * Every client-facing route, in match order (specific paths before `sobjects/:type/:id`).
 */
import { collectionRoutes } from './collections.ts';
import { limitsRoutes } from './limits.ts';
import { soapLoginRoutes } from './login.ts';
import { oauthRoutes } from './oauth.ts';
import { queryRoutes } from './query.ts';
import { replicationRoutes } from './replication.ts';
import { sobjectRoutes } from './sobjects.ts';
import type { Route } from './types.ts';
import { versionRoutes } from './versions.ts';

export const allRoutes: Route[] = [
  ...soapLoginRoutes,
  ...oauthRoutes,
  ...versionRoutes,
  ...limitsRoutes,
  ...queryRoutes,
  ...collectionRoutes,
  ...replicationRoutes,
  ...sobjectRoutes,
];
