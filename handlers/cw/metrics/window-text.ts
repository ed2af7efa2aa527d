/**
 * A graph's window in UTC, as its picture's title says it (plain text: a PNG has no reader's time
 * zone): `2026-12-02 04:42 – 07:42 UTC`, the end's date repeated only when it is another day.
 */
export function windowText(start: Date, end: Date): string {
  const at = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  const to = at(end);
  const sameDay = at(start).slice(0, 10) === to.slice(0, 10);
  return `${at(start)} – ${sameDay ? to.slice(11) : to} UTC`;
}

/** What a graph shows, then its window: the title the widget (and so the picture) carries. */
export function titleWithWindow(what: string, start: Date, end: Date): string {
  return `${what} · ${windowText(start, end)}`;
}
