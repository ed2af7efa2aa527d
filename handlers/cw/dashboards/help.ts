import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, section } from '../../slack-message.ts';

/** `/cw help dashboards` and `/cw help dashboard`: both commands, since one leads to the other. */
export const dashboardsHelp = {
  title: '/cw dashboards and /cw dashboard: CloudWatch dashboards',
  blocks: (): KnownBlock[] => [
    section(
      escapeMrkdwn(
        [
          "*List*: the account's CloudWatch dashboards, the last changed first, each with a console link.",
          '`/cw dashboards [name-prefix] [--share]`, e.g. `/cw dashboards prod-`',
        ].join('\n'),
      ),
    ),
    section(
      escapeMrkdwn(
        [
          '*Read one*: a summary (console link, the widgets by kind), its text widgets, its alarm widgets with each',
          "alarm's state, and its first 6 metric widgets drawn as graphs over `--since` (default 3h), posted in one",
          'thread in the channel. Log widgets come with the `/cw logs query` that runs their query; other kinds say why',
          'they are not drawn.',
          '`/cw dashboard <name> [--since 3h] [--share]`, e.g. `/cw dashboard prod-orders-db --since 1d`',
        ].join('\n'),
      ),
    ),
  ],
};
