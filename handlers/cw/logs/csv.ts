/** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV with a header line, CRLF line ends as the RFC asks. */
export function toCsv(fields: readonly string[], rows: readonly Record<string, string>[]): string {
  const lines = [fields.map(cell).join(',')];
  for (const row of rows) lines.push(fields.map((f) => cell(row[f] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
