import { type FlagGrammar, parseFlags, SHARE_FLAG } from '../../command-flags.ts';
import { UserInputError } from '../../errors.ts';
import { inlineCode } from '../../slack-message.ts';

export const DASHBOARDS_USAGE = [
  '`/cw dashboards [name-prefix] [--share]`',
  'Example: `/cw dashboards`, `/cw dashboards prod-checkout --share`',
].join('\n');

const FLAGS: FlagGrammar = { command: '/cw dashboards', usage: DASHBOARDS_USAGE, flags: [SHARE_FLAG] };

/** ListDashboards' rule for `DashboardNamePrefix`: at most 255 of A-Z, a-z, 0-9, `.`, `-`, `_`. */
const PREFIX = /^[A-Za-z0-9._-]{1,255}$/;

export interface DashboardListQuery {
  namePrefix: string | undefined;
  /** Post the list in the channel (`--share`). */
  share: boolean;
}

function fail(message: string): never {
  throw new UserInputError(message, DASHBOARDS_USAGE);
}

/** The words after `/cw dashboards`: at most one name prefix, and `--share`. */
export function parseDashboardList(tokens: readonly string[]): DashboardListQuery {
  const flags = parseFlags(tokens, FLAGS);
  const [prefix, ...extra] = flags.positional;
  if (extra.length > 0) {
    fail(`Unexpected ${inlineCode(extra.join(' '))}: give one name prefix (dashboard names have no spaces).`);
  }
  if (prefix !== undefined && !PREFIX.test(prefix)) {
    fail(
      prefix.length > 255
        ? 'A dashboard name prefix is at most 255 characters.'
        : `${inlineCode(prefix.slice(0, 60))} cannot start a dashboard name: names use only letters, digits, \`.\`, \`-\` and \`_\`.`,
    );
  }
  return { namePrefix: prefix, share: flags.set.has('share') };
}
