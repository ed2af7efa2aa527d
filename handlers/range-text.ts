import { formatDuration, formatSpan } from './duration.ts';

/**
 * Times in messages use Slack's date token, which every reader sees in their own time zone and
 * locale; the fallback (UTC) is what clients that cannot format it, notifications and the terminal show.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export function slackDate(date: Date, format: string, fallback: string): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^${format}|${fallback}>`;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utcClock(date: Date): string {
  return date.toISOString().slice(11, 16);
}

/** One moment: with its date when `withDate`, else the time of day only. */
export function momentText(date: Date, withDate: boolean): string {
  return withDate
    ? slackDate(date, '{date_short_pretty} {time}', `${utcDay(date)} ${utcClock(date)} UTC`)
    : slackDate(date, '{time}', `${utcClock(date)} UTC`);
}

/** Whether a window touches more than one (UTC) day, so its times need their dates. */
export function crossesDay(start: Date, end: Date): boolean {
  // The end is exclusive: a window ending at 00:00 stays on the day it started.
  return utcDay(start) !== utcDay(new Date(end.getTime() - 1));
}

/**
 * `start – end`: the start always with its date (a reader cannot tell "today" from the clock alone),
 * the end with its date only when the window crosses a day. The UTC fallback names the zone once.
 */
export function betweenText(start: Date, end: Date): string {
  const endWithDate = crossesDay(start, end);
  const from = slackDate(start, '{date_short_pretty} {time}', `${utcDay(start)} ${utcClock(start)}`);
  const to = endWithDate
    ? slackDate(end, '{date_short_pretty} {time}', `${utcDay(end)} ${utcClock(end)} UTC`)
    : slackDate(end, '{time}', `${utcClock(end)} UTC`);
  return `${from} – ${to}`;
}

export interface ShownRange {
  start: Date;
  end: Date;
  /** For a relative range ("the last …"): its length as the user typed it, or as the default reads. */
  since?: string;
}

/** The range line of a message: `last 3 hours (… – …)`, or `… – … (6d13h)` for an absolute one. */
export function rangeText(range: ShownRange): string {
  const between = betweenText(range.start, range.end);
  if (range.since !== undefined) return `last ${range.since} (${between})`;
  return `${between} (${formatSpan((range.end.getTime() - range.start.getTime()) / 1000)})`;
}

/** How a relative range reads: the user's spelling when they typed one, else the seconds in compact form. */
export function sinceText(seconds: number, typed: string | undefined): string {
  return typed ?? formatDuration(seconds);
}
