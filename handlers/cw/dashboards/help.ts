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
          "alarm's current state, and its first 6 metric widgets drawn as graphs over `--since` (default 3h): the",
          'summary is posted in the channel and the graphs in its thread. Log widgets come with their query as a',
          '`/cw logs query <groups> …` line to run (when the bot may read those groups, else it says why); other kinds say',
          'why they are not drawn. A big dashboard is read to its first 20 widgets, then the console link.',
          '`/cw dashboard <name> [--since 3h] [--share]`, e.g. `/cw dashboard prod-orders-db --since 1d`',
        ].join('\n'),
      ),
    ),
  ],
};
