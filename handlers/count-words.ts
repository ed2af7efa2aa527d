/**
 * `1 record`, `2 records`, `1.2K records`: a count with its noun in the right number. English
 * takes the singular for exactly one only (`0 rows`, `1.5 GB`-style fractions take the plural).
 */
export function counted(count: number, singular: string, plural = `${singular}s`, shown = String(count)): string {
  return `${shown} ${count === 1 ? singular : plural}`;
}
