/**
 * @module
 * Loads ORG.yaml: YAML parse, zod validation, cross-references (groups → orgs, configs → groups). Every problem is
 * reported as `file:line:col field: message`, with the scenario loader's position helpers.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { positionOf } from '../scenario/load/yaml-positions.ts';
import { ScenarioValidationError, type PathSegment, type ScenarioProblem } from '../scenario/load/scenario-error.ts';
import { OrgFileSchema, type OrgFile } from './schema.ts';
import { connectionProblems } from './connection-problems.ts';

export async function loadOrgFile(file: string): Promise<OrgFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioValidationError(file, [{ file, line: 0, column: 0, path: [], message: `cannot read: ${(error as Error).message}` }]);
  }
  return parseOrgFile(text, file);
}

export function parseOrgFile(text: string, file: string): OrgFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const problem = (path: PathSegment[], message: string): ScenarioProblem => ({ file, ...positionOf(doc, counter, path), path, message });
  if (doc.errors.length) {
    throw new ScenarioValidationError(file, doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1, path: [], message: e.message })));
  }
  const parsed = OrgFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new ScenarioValidationError(file, parsed.error.issues.map((i) => problem(i.path as PathSegment[], i.message)));
  }
  const org = parsed.data;
  const problems: ScenarioProblem[] = [];
  const orgIds = new Set(org.orgs.map((o) => o.id));
  const groupNames = new Set(org.groups.map((g) => g.name));
  org.groups.forEach((g, gi) => {
    g.orgs.forEach((id, oi) => {
      if (!orgIds.has(id)) problems.push(problem(['groups', gi, 'orgs', oi], `no org "${id}" — orgs are ${[...orgIds].join(', ')}`));
    });
    const special = (g.outsideScope ?? 0) + (g.legacy2010 ?? 0) + (g.overCap ?? 0);
    if (special > g.reps) problems.push(problem(['groups', gi, 'reps'], `outsideScope + legacy2010 + overCap (${special}) exceed reps (${g.reps}); raise reps or lower those counts`));
  });
  org.orgs.forEach((o, oi) => o.configs.forEach((c, ci) => (c.groups ?? []).forEach((name, ni) => {
    if (!groupNames.has(name)) problems.push(problem(['orgs', oi, 'configs', ci, 'groups', ni], `no group "${name}" — groups are ${[...groupNames].join(', ')}`));
    else if (!org.groups.find((g) => g.name === name)!.orgs.includes(o.id)) problems.push(problem(['orgs', oi, 'configs', ci, 'groups', ni], `group "${name}" has no users in org "${o.id}" — add ${o.id} to its orgs`));
  })));
  for (const p of connectionProblems(org)) problems.push(problem(p.path, p.message));
  if (problems.length) throw new ScenarioValidationError(file, problems);
  return org;
}
