export const summary = 'start the Exchange and Salesforce simulators with a demo world (not implemented yet)';

export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('synclab serve: not implemented yet (issue #2 / #3)\n');
  return 2;
}
