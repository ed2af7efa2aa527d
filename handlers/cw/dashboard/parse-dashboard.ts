import { type FlagGrammar, parseFlags, SHARE_FLAG } from '../../command-flags.ts';
import { durationHint, readDuration } from '../../duration.ts';
import { UserInputError } from '../../errors.ts';
import { inlineCode } from '../../slack-message.ts';

export const DASHBOARD_USAGE = [
  '`/cw dashboard <name> [--since 3h] [--share]`',
  'Example: `/cw dashboard prod-checkout-api --since 6h` (`/cw dashboards` lists the names)',
].join('\n');

const FLAGS: FlagGrammar = {
  command: '/cw dashboard',
  usage: DASHBOARD_USAGE,
  flags: [{ name: 'since', kind: 'duration', example: '3h' }, SHARE_FLAG],
};

/** Dashboard names: 1 to 255 of A-Z, a-z, 0-9, `.`, `-`, `_` (PutDashboard's and ListDashboards' rule). */
const NAME = /^[A-Za-z0-9._-]{1,255}$/;
export const DEFAULT_SINCE_SECONDS = 3 * 3600;
/** GetMetricWidgetImage draws any range; a month keeps a graph of one-minute data readable. */
export const MAX_SINCE_SECONDS = 31 * 86400;

export interface DashboardQuery {
  name: string;
  sinceSeconds: number;
  /** `--since` as typed, for messages; absent for the default. */
  sinceText?: string;
  share: boolean;
}

function fail(message: string): never {
  throw new UserInputError(message, DASHBOARD_USAGE);
}

/** The words after `/cw dashboard`: one dashboard name, `--since`, `--share`. */
export function parseDashboardArgs(tokens: readonly string[]): DashboardQuery {
  const flags = parseFlags(tokens, FLAGS);
  const [name, ...extra] = flags.positional;
  if (name === undefined) fail('Which dashboard? Give its name; `/cw dashboards` lists them.');
  if (extra.length > 0) {
    fail(`Unexpected ${inlineCode(extra.join(' ').slice(0, 60))}: give one dashboard name (names have no spaces).`);
  }
  if (!NAME.test(name)) {
    fail(
      name.length > 255
        ? 'A dashboard name is at most 255 characters.'
        : `${inlineCode(name.slice(0, 60))} is not a dashboard name: names use only letters, digits, \`.\`, \`-\` and \`_\`.`,
    );
  }
  const typed = flags.values.get('since');
  let since: { seconds: number; text: string } | undefined;
  if (typed !== undefined) {
    since = readDuration(typed);
    if (since === undefined) fail(durationHint(typed, '--since'));
    if (since.seconds < 60) fail('`--since` must be at least 1m.');
    if (since.seconds > MAX_SINCE_SECONDS) fail('`--since` is at most 31d for a dashboard.');
  }
  return {
    name,
    sinceSeconds: since?.seconds ?? DEFAULT_SINCE_SECONDS,
    share: flags.set.has('share'),
    ...(since ? { sinceText: since.text } : {}),
  };
}
