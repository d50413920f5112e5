/**
 * @module
 * API versions (v38.0 … v62.0: clients default to different ones — jsforce 50.0, older tools 38.0), the version
 * list at `/services/data` and the resource directory at `/services/data/vXX.X/`.
 */
import { jsonResponse, SfError } from '../errors.ts';
import type { Route } from './types.ts';

export const MIN_API_VERSION = 38;
export const MAX_API_VERSION = 62;

/** Release label for a version: v38.0 is Winter '17, then Spring, Summer, Winter each year. */
export function releaseLabel(major: number): string {
  const n = major - MIN_API_VERSION;
  const season = ['Winter', 'Spring', 'Summer'][n % 3];
  return `${season} '${17 + Math.floor(n / 3)}`;
}

/** '62.0' for 'v62.0'; NOT_FOUND naming the served range for anything else. */
export function checkApiVersion(segment: string, path: string): string {
  const m = /^v(\d+)\.0$/.exec(segment);
  const major = m ? Number(m[1]) : Number.NaN;
  if (!(major >= MIN_API_VERSION && major <= MAX_API_VERSION)) {
    throw new SfError(
      'NOT_FOUND',
      `The requested resource does not exist: ${path} (synclab's Salesforce sim serves API versions v${MIN_API_VERSION}.0 to v${MAX_API_VERSION}.0)`,
      404,
    );
  }
  return `${major}.0`;
}

export const versionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/services/data',
    operation: 'versions',
    auth: 'none',
    handle: () => {
      const list = [];
      for (let v = MIN_API_VERSION; v <= MAX_API_VERSION; v++) {
        list.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
      }
      return jsonResponse(list);
    },
  },
  {
    method: 'GET',
    path: '/services/data/:version',
    operation: 'resources',
    auth: 'session',
    handle: ({ apiVersion }) => {
      const base = `/services/data/v${apiVersion}`;
      const names = ['sobjects', 'query', 'queryAll', 'limits', 'composite'];
      return jsonResponse(Object.fromEntries(names.map((n) => [n, `${base}/${n}`])));
    },
  },
];
