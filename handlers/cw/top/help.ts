import type { KnownBlock } from '@slack/types';
import { SCOPE_HELP } from '../../scope.ts';
import { escapeMrkdwn, section } from '../../slack-message.ts';
import { SHORTCUTS } from '../metrics/catalog.ts';
import { MAX_LIMIT } from './parse-top.ts';

/** `/cw help top`: the grammar, the flags, and what Metrics Insights can and cannot rank. */
export function topHelp(): KnownBlock[] {
  const shortcuts = Object.entries(SHORTCUTS).map(
    ([name, s]) =>
      `• \`${name}\` ranks ${s.namespace} by ${s.dimension}: ${Object.entries(s.metrics)
        .filter(([, ms]) => ms.length === 1)
        .map(([m]) => `\`${m}\``)
        .join(' ')}`,
  );
  return [
    section(
      escapeMrkdwn(
        [
          '*Top*: which resource is highest on a metric, ranked by one CloudWatch Metrics Insights query.',
          '`/cw top <shortcut> <metric> [by <Dimension>] [flags]`, e.g. `/cw top ec2 cpu`, `/cw top lambda errors`',
          '`/cw top <Namespace> <MetricName> [by <Dimension>] [flags]`, e.g. `/cw top AWS/ApplicationELB HTTPCode_Target_5XX_Count by LoadBalancer --stat Sum`',
          'Each row: its rank, the resource (a console link), its value over the range and a sparkline; the top 3 have a *Graph* button.',
        ].join('\n'),
      ),
    ),
    section(
      escapeMrkdwn(
        [
          '*Top flags*',
          '`--since 15m|1h|1d|7d` how far back (default 1h; at most 14d, what Metrics Insights queries)',
          "`--stat Maximum|Average|Sum|Minimum|SampleCount` (default: the shortcut's, or Maximum). No percentiles: Metrics Insights has none",
          `\`--limit 10\` how many rows (1 to ${MAX_LIMIT})`,
          '`--share` post the answer in the channel; otherwise only you see it',
          ...SCOPE_HELP,
          'In a monitoring account, no `--account` ranks every linked account together (`GROUP BY AWS.AccountId`), each row naming its account.',
          'A namespace a shortcut covers ranks by its dimension without `by`; any other needs `by`. Only metrics whose one dimension is that one are ranked.',
        ].join('\n'),
      ),
    ),
    section(escapeMrkdwn(['*Shortcuts*', ...shortcuts].join('\n'))),
  ];
}
