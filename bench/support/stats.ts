// What every benchmark prints: medians and aligned tables; and the timing loop behind them.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The first column left-aligned, the others right-aligned (numbers), under a dashed rule. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Runs `work` `runs` times; each run's time goes to stderr as it goes, the median comes back. */
export async function timed<T>(name: string, runs: number, work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  process.stderr.write(`  ${name}: ${times.map((time) => time.toFixed(0)).join(', ')} ms\n`);
  return { ms: median(times), result: result as T };
}
