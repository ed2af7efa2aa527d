import type { KnownBlock } from '@slack/types';
import { SHORTCUTS } from '../metrics/catalog.ts';
import { context, escapeMrkdwn, header, type SlackMessage, section } from '../slack-message.ts';

export const CW_USAGE = [
  '`/cw metrics <Namespace> <MetricName> [Dim=Value ...] [--stat …] [--period …] [--since …] [--share] [--graph]`',
  '`/cw metrics <shortcut> <metric> <resource>` e.g. `/cw metrics rds cpu orders-db`',
  '`/cw logs query <group>[,<group>…] [--since 1h] [<query>]`, `/cw logs saved`, `/cw logs run <name>`',
  '`/cw alarms [alarm|ok|insufficient|all] [name-prefix]`',
  '`/cw help`',
].join('\n');

/** `/cw help`: every command with an example; `resources` lists what the demo data source holds. */
export function renderCwHelp(resources?: string): SlackMessage {
  const shortcutLines = Object.entries(SHORTCUTS).map(
    ([name, s]) =>
      `• \`${name}\` → ${s.namespace}, ${s.dimension}: ${Object.keys(s.metrics)
        .map((m) => `\`${m}\``)
        .join(' ')}   e.g. \`/cw metrics ${s.example}\``,
  );
  const blocks: KnownBlock[] = [
    header('/cw: CloudWatch from Slack'),
    section(
      escapeMrkdwn(
        [
          "*Metrics*: a metric's recent values with a sparkline and a console link.",
          '`/cw metrics <Namespace> <MetricName> [Dim=Value ...] [flags]`',
          'e.g. `/cw metrics AWS/EC2 CPUUtilization InstanceId=i-0abc1234def567890 --since 3h`',
          'Several values make several series: `InstanceId=i-0abc1234def567890,i-0abd1234def567890`.',
        ].join('\n'),
      ),
    ),
    section(
      escapeMrkdwn(
        [
          '*Flags*',
          '`--since 30m|3h|1d|7d` how far back (default 3h, at most 455d)',
          "`--stat Average|Sum|Minimum|Maximum|SampleCount|p99` (default: Average, or the shortcut's own)",
          "`--period 1m|5m|1h|1d` (default: chosen for about 100 points, within CloudWatch's retention)",
          '`--share` post the answer in the channel; otherwise only you see it',
          '`--graph` also post a PNG graph to the channel (or press *Graph* on the answer)',
        ].join('\n'),
      ),
    ),
    section(escapeMrkdwn(['*Shortcuts*', ...shortcutLines].join('\n'))),
    section(
      escapeMrkdwn(
        [
          '*Logs Insights*: runs in the background and replaces "working on it" with a table, the statistics and the cost.',
          '`/cw logs query <group>[,<group>…] [--since 15m|1h|1d] [--from ISO --to ISO] [--limit N] [<query>]`',
          'e.g. `/cw logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/ | sort @timestamp desc | limit 50`',
          'No query: the latest 20 messages. Options go before the query. Only allowed log groups can be read.',
          '`/cw logs saved` lists saved queries; `/cw logs run <name> [--since 1h]` runs one.',
        ].join('\n'),
      ),
    ),
    section(
      escapeMrkdwn(
        [
          '*Alarms*: what is firing, with the reason and a console link.',
          '`/cw alarms` (in ALARM), `/cw alarms all prod-`, `/cw alarms ok checkout`',
        ].join('\n'),
      ),
    ),
  ];
  if (resources) blocks.push(section(`*Demo data*\n${resources}`));
  blocks.push(context("Values are CloudWatch's, in UTC. `/cw help` shows this again."));
  return {
    response_type: 'ephemeral',
    text: '/cw help: metrics, Logs Insights and alarms from CloudWatch. Try /cw metrics rds cpu orders-db',
    blocks,
  };
}
