import { formatProblem, parseScenario, ScenarioValidationError } from '../../src/scenario/load.ts';

/** The formatted load problems of a scenario text ([] when it is valid), as `synclab validate` would print them. */
export function problemsOf(text: string): string[] {
  try {
    parseScenario(text, 'scenarios/x.yaml');
    return [];
  } catch (error) {
    if (error instanceof ScenarioValidationError) return error.problems.map(formatProblem);
    throw error;
  }
}
