import type { KnownBlock } from '@slack/types';
import { SCOPE_HELP } from '../../scope.ts';
import { escapeMrkdwn, section } from '../../slack-message.ts';
import { SHORTCUTS } from './catalog.ts';

/** `/cw help metrics`: the grammar, the flags and every shortcut. */
export function metricsHelp(): KnownBlock[] {
  const shortcutLines = Object.entries(SHORTCUTS).map(
    ([name, s]) =>
      `• \`${name}\` → ${s.namespace}, ${s.dimension}: ${Object.keys(s.metrics)
        .map((m) => `\`${m}\``)
        .join(' ')}   e.g. \`/cw metrics ${s.example}\``,
  );
  return [
    section(
      escapeMrkdwn(
        [
          "*Metrics*: a metric's recent values with a sparkline and a console link.",
          '`/cw metrics <Namespace> <MetricName> [Dim=Value ...] [flags]`',
          '`/cw metrics <shortcut> <metric> <resource>[,<resource>…] [flags]` (shortcuts below)',
          'e.g. `/cw metrics AWS/EC2 CPUUtilization InstanceId=i-0abc1234def567890 --since 3h`',
          'Several values make several series: `InstanceId=i-0abc1234def567890,i-0abd1234def567890`.',
        ].join('\n'),
      ),
    ),
    section(
      escapeMrkdwn(
        [
          '*Metrics flags*',
          '`--since 30m|3h|1d|7d` how far back (metrics default: the last 3h; at most 455d)',
          '`--from 2026-12-02T05:00:00Z [--to …]` an absolute window instead (UTC or with an offset; `--to` defaults to now)',
          "`--stat Average|Sum|Minimum|Maximum|SampleCount|p99` (also `avg`, `max`, `min`, `count`, `p50`…; default: Average, or the shortcut's own)",
          "`--period 1m|5m|1h|1d` (default: chosen for about 100 points, within CloudWatch's retention)",
          '`--share` post the answer in the channel; otherwise only you see it (help is always only for you)',
          '`--graph` also post a PNG graph to the channel (or press *Graph* on the answer)',
          ...SCOPE_HELP,
          '`--help` (`-h`) this help, shown only to you',
        ].join('\n'),
      ),
    ),
    section(escapeMrkdwn(['*Shortcuts*', ...shortcutLines].join('\n'))),
  ];
}
