import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, section } from '../../slack-message.ts';

/** `/cw help alarms`: the state words and prefixes. */
export function alarmsHelp(): KnownBlock[] {
  return [
    section(
      escapeMrkdwn(
        [
          '*Alarms*: what is firing, with the reason and a console link.',
          '`/cw alarms [alarm|ok|insufficient|all] [name-prefix] [--share]`',
          '`/cw alarms` (in ALARM), `/cw alarms all orders-`, `/cw alarms ok checkout`',
          'States: `alarm` (or `alarms`, `firing`), `ok` (`resolved`), `insufficient` (`insufficient data`), `all`. Any other word is a name prefix; one that matches nothing says how many alarms are in that state in all.',
        ].join('\n'),
      ),
    ),
  ];
}
