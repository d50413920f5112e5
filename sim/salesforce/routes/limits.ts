/**
 * @module
 * `limits`: DailyApiRequests (Max / Remaining over the rolling 24 h of scenario time) and a few static limits
 * clients commonly read.
 */
import { jsonResponse } from '../errors.ts';
import type { Route } from './types.ts';

export const limitsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/services/data/:version/limits',
    operation: 'limits',
    auth: 'session',
    handle: ({ org }) =>
      jsonResponse({
        DailyApiRequests: { Max: org.dailyApiLimit, Remaining: Math.max(0, org.dailyApiLimit - org.apiCallsUsed()) },
        DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
        DataStorageMB: { Max: 1024, Remaining: 1000 },
        SingleEmail: { Max: 5000, Remaining: 5000 },
      }),
  },
];
