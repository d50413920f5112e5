/**
 * @module
 * `synclab` command dispatcher. Each command lives in its own file and exports `run(argv): Promise<number>`;
 * exit codes: 0 all passed, 1 failures or regressions, 2 usage error or invalid input.
 */

type CommandModule = { run(argv: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  run: () => import('./run.ts'),
  validate: () => import('./validate.ts'),
  'merge-reports': () => import('./merge-reports.ts'),
  serve: () => import('./serve.ts'),
  sync: () => import('./sync.ts'),
  'connection-test': () => import('./connection-test.ts'),
  rehearse: () => import('./rehearse.ts'),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`synclab: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

async function usage(): Promise<string> {
  const lines = ['Usage: synclab <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { summary } = await load();
    lines.push(`  ${name.padEnd(16)} ${summary}`);
  }
  lines.push('', 'Run `synclab <command> --help` for the options of a command.', '');
  return lines.join('\n');
}
