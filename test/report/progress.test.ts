import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../../src/report/progress-reporter.ts';
import { syntheticResults } from './synthetic-run.ts';

function sink(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY, write: (chunk: string) => (chunks.push(chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

describe('progress reporter', () => {
  it('writes one plain line per scenario when not on a TTY (CI logs)', () => {
    const out = sink(false);
    const reporter = new ProgressReporter({ stream: out.stream });
    const results = syntheticResults();
    reporter.onRunStart({ total: results.length, workers: 2 });
    for (const r of results) reporter.onScenarioEnd(r);
    expect(out.text()).toBe(
      'synclab: running 3 scenarios on 2 workers\n' +
        '[1/3] FAIL  overwrite/ex-only-overwrites-sf-notes (3 expectations)\n' +
        '[2/3] PASS  contacts/sf-to-ex-basic (2 expectations)\n' +
        '[3/3] ERROR bad/file (0 expectations)\n' +
        '        scenarios/bad/file.yaml:3:9 rules[0]: unknown rule "EVT-3"\n',
    );
  });

  it('redraws a progress bar with live counts on a TTY, in colour unless NO_COLOR', () => {
    const colored = sink(true);
    const reporter = new ProgressReporter({ stream: colored.stream, color: true });
    const [first] = syntheticResults();
    reporter.onRunStart({ total: 2, workers: 1 });
    reporter.onScenarioEnd(first!);
    expect(colored.text()).toContain('\r\x1b[2K');
    expect(colored.text()).toContain('[###############---------------] 1/2');
    expect(colored.text()).toContain('\x1b[31mFAIL 1\x1b[0m');

    const plain = sink(true);
    const noColor = new ProgressReporter({ stream: plain.stream, color: false });
    noColor.onRunStart({ total: 2, workers: 1 });
    noColor.onScenarioEnd(first!);
    expect(plain.text()).not.toContain('\x1b[31m');
    expect(plain.text()).toContain('FAIL 1  ERROR 0');
  });

  it('defaults colour off when NO_COLOR is set', () => {
    const previous = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
    try {
      const out = sink(true);
      const reporter = new ProgressReporter({ stream: out.stream });
      reporter.onRunStart({ total: 1, workers: 1 });
      reporter.onScenarioEnd(syntheticResults()[1]!);
      expect(out.text()).not.toMatch(/\x1b\[3\dm/);
    } finally {
      if (previous === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = previous;
    }
  });
});
