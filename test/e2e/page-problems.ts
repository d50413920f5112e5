/**
 * The reports are self-contained files: every page error, and any request that leaves file://, is a problem. The
 * returned list fills while the page runs; a spec ends with `expect(problems).toEqual([])`.
 */
import type { Page } from '@playwright/test';

export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.push(`network request: ${request.url()}`);
  });
  return problems;
}
