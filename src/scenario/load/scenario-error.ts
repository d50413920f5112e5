/**
 * @module
 * One problem in one scenario file, with its position. `format()` gives the line the CLI prints:
 * `scenarios/x.yaml:12:7 steps[2].advance: "15" is not a duration — expected e.g. 15m, 2h, 1d`.
 */

export type PathSegment = string | number;

export interface ScenarioProblem {
  file: string;
  /** 1-based; 0 when the file could not be read at all. */
  line: number;
  column: number;
  /** Field path, e.g. ['steps', 2, 'advance']. */
  path: PathSegment[];
  message: string;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const path = formatPath(problem.path);
  return `${where} ${path ? `${path}: ` : ''}${problem.message}`;
}

/** Thrown by the single-file loaders; carries every problem found in the file, not only the first. */
export class ScenarioValidationError extends Error {
  readonly code = 'SCENARIO_INVALID';
  constructor(
    readonly file: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioValidationError';
  }
}
