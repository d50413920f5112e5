/**
 * @module
 * Console progress for `synclab run`: on a TTY a single redrawn progress bar with live verdict counts; otherwise
 * (CI logs) one plain line per scenario. Colour only on a TTY and never when NO_COLOR is set.
 */
import type { ScenarioResult, Verdict } from './model.ts';
import type { ConformanceReporter } from './reporter.ts';

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  color?: boolean;
  tty?: boolean;
}

const COLORS: Record<Verdict, string> = { PASS: '32', FAIL: '31', ERROR: '35', SKIP: '33' };

export class ProgressReporter implements ConformanceReporter {
  readonly name = 'progress';
  #stream: NodeJS.WriteStream;
  #tty: boolean;
  #color: boolean;
  #total = 0;
  #done = 0;
  #counts: Record<Verdict, number> = { PASS: 0, FAIL: 0, ERROR: 0, SKIP: 0 };

  constructor(options: ProgressOptions = {}) {
    this.#stream = options.stream ?? process.stderr;
    this.#tty = options.tty ?? Boolean(this.#stream.isTTY);
    this.#color = options.color ?? (this.#tty && !process.env.NO_COLOR);
  }

  onRunStart(info: { total: number; workers: number }): void {
    this.#total = info.total;
    this.#stream.write(`synclab: running ${info.total} scenario${info.total === 1 ? '' : 's'} on ${info.workers} worker${info.workers === 1 ? '' : 's'}\n`);
  }

  onScenarioEnd(result: ScenarioResult): void {
    this.#done++;
    this.#counts[result.verdict]++;
    const line = `${this.#paint(result.verdict, result.verdict.padEnd(5))} ${result.id} (${result.expectations.length} expectation${result.expectations.length === 1 ? '' : 's'})`;
    if (this.#tty) {
      this.#stream.write(`\r\x1b[2K${line}\n${this.#bar()}`);
      if (this.#done === this.#total) this.#stream.write('\r\x1b[2K');
    } else {
      this.#stream.write(`[${this.#done}/${this.#total}] ${line}\n`);
      if (result.error) this.#stream.write(`        ${result.error.split('\n')[0]}\n`);
    }
  }

  #bar(): string {
    const width = 30;
    const filled = this.#total ? Math.round((this.#done / this.#total) * width) : width;
    const counts = (['PASS', 'FAIL', 'ERROR', 'SKIP'] as const).map((v) => this.#paint(v, `${v} ${this.#counts[v]}`)).join('  ');
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.#done}/${this.#total}  ${counts}`;
  }

  #paint(verdict: Verdict, text: string): string {
    return this.#color ? `\x1b[${COLORS[verdict]}m${text}\x1b[0m` : text;
  }
}
