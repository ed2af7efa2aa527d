import { UserInputError } from './errors.ts';
import type { QueryLocation } from './ports.ts';
import { inlineCode, truncate } from './slack-message.ts';

/**
 * Errors the ports throw, in the data source's terms and never a command's: the command that called
 * the port adds its usage ({@link withUsage}), so an adapter never needs a handler's usage text.
 */

/**
 * The data source refused the request as it was written: a bad parameter, a query that does not
 * compile, a name that does not exist. Its message is in the user's terms, so it may be shown.
 */
export class RequestRejectedError extends Error {
  readonly expose = true;
  override name = 'RequestRejectedError';
}

/**
 * A log group the query names does not exist (StartQuery's `ResourceNotFoundException`, or the
 * demo's). Every logs data source throws this one error so the answer can suggest the group meant.
 */
export class LogGroupNotFoundError extends RequestRejectedError {
  override name = 'LogGroupNotFoundError';
  /** The names that do not exist, when the data source says which; else empty. */
  readonly groups: string[];
  constructor(message: string, groups: string[], options?: ErrorOptions) {
    super(message, options);
    this.groups = groups;
  }
}

function describeMalformed(detail: string, queryString: string, location: QueryLocation | undefined): string {
  const reason = detail.replace(/[.\s]+$/, '');
  if (!location) return `Logs Insights could not read the query: ${reason}.`;
  const part = queryString.slice(location.start, Math.max(location.end, location.start)).replace(/\s+/g, ' ').trim();
  if (location.start >= queryString.trimEnd().length || !part) {
    return `Logs Insights could not read the query at its end: ${reason}.`;
  }
  const quoted = part.length > 40 ? `${part.slice(0, 39)}…` : part;
  return `Logs Insights could not read the query at character ${location.start + 1} (\`${quoted.replace(/`/g, "'")}\`): ${reason}.`;
}

/**
 * The query does not compile (Logs Insights' `MalformedQueryException`). Every logs data source
 * throws this one error, so the user reads the same complaint, and where it is, on AWS and on the demo.
 */
export class MalformedQueryError extends RequestRejectedError {
  override name = 'MalformedQueryError';
  /** Logs Insights' own words, without our framing. */
  readonly detail: string;
  readonly location: QueryLocation | undefined;
  constructor(detail: string, queryString: string, location: QueryLocation | undefined, options?: ErrorOptions) {
    super(describeMalformed(detail, queryString, location), options);
    this.detail = detail;
    this.location = location;
  }
}

/** No dashboard has the name asked for (GetDashboard's `ResourceNotFound`, or the demo's). */
export class DashboardNotFoundError extends RequestRejectedError {
  override name = 'DashboardNotFoundError';
  readonly dashboard: string;
  constructor(dashboard: string, options?: ErrorOptions) {
    super(`There is no dashboard named ${inlineCode(truncate(dashboard, 255))}.`, options);
    this.dashboard = dashboard;
  }
}

/** A refusal of the user's request becomes bad input with the command's usage; any other error is left as it is. */
export function withUsage(error: unknown, usage: string): unknown {
  return error instanceof RequestRejectedError ? new UserInputError(error.message, usage, { cause: error }) : error;
}
