import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, section } from '../../slack-message.ts';

/** `/cw help logs`: query, saved and run. */
export function logsHelp(): KnownBlock[] {
  return [
    section(
      escapeMrkdwn(
        [
          '*Logs Insights*: runs in the background and replaces "working on it" with a table, the statistics and the cost.',
          '`/cw logs query <group>[,<group>…] [--since 15m|1h|1d] [--from ISO --to ISO] [--limit N] [--region R] [--account A] [--share] [<query>]`',
          'e.g. `/cw logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/ | sort @timestamp desc | limit 50`',
          '`--from`/`--to` in ISO 8601 (`2026-12-02T06:00:00Z`; `2026-12-02 06:00` works too; without a zone it is read as UTC). A window never ends after now: a later `--to` is cut to now, a later `--from` is refused.',
          'A query may be pasted as inline code or a code block; with several log groups the default query shows `@log`.',
          '`--since` logs default: the last 15m. No query: the latest 20 messages. Flags go before or after the query (`… | limit 50 --share`); a `--` inside a string or `/regex/` stays in the query. Only allowed log groups can be read.',
          "A leading `SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-'])` is read as prefixes and checked against the allowlist; a query that chooses its log groups any other way (bare `SOURCE logGroups()`, `accountIdentifiers`, SOURCE later in the query, SQL `FROM`, PPL `source=`) is refused.",
          '`/cw logs saved` lists saved queries; `/cw logs run <name> [--since 1h] [--share]` runs one.',
          '`--region eu-west-1` queries that Region; `--account prod` a linked account’s groups (by their ARNs, from the monitoring account, where saved queries live too).',
        ].join('\n'),
      ),
    ),
  ];
}
