/** What commands print: JSON with `--json`, else the human text; always ending in one newline. */
export function print(opts: { json?: boolean }, data: unknown, human: () => string): void {
  const text = opts.json ? JSON.stringify(data, null, 2) : human();
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Prints rows as aligned columns. */
export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '-' : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => [...row[i]!].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}
