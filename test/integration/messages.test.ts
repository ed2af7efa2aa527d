import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../handlers/alarm-relay/alarm-change.ts';
import { parseAlarmEvent } from '../../handlers/alarm-relay/alarm-event.ts';
import { renderAlarmMessage, renderLateReply, renderThreadReply } from '../../handlers/alarm-relay/render-alarm.ts';
import { renderStormDigest } from '../../handlers/alarm-relay/render-digest.ts';
import { renderPlainAlarm, renderRerouted } from '../../handlers/alarm-relay/render-fallback.ts';
import type { RouteDecision } from '../../handlers/alarm-relay/routes.ts';
import { REGISTRY } from '../../handlers/registry.ts';
import type { SlackMessage } from '../../handlers/slack-message.ts';
import { loadConfig } from '../../infra/config.ts';
import { PLAIN, type Style } from '../../infra/local/render-terminal.ts';
import { createShell } from '../../infra/local/shell.ts';
import { type AlarmEvent, type AlarmFixture, alarmEvent, nextChange } from '../fixtures/alarm-events/index.ts';
import { isCommandName, markdownExamples, readmeExamples } from '../fixtures/doc-examples.ts';
import { messageProblems } from '../fixtures/message-rules.ts';

/** Keeps code spans as backticks, so the examples the help messages show can be read back from the screen. */
const SPANS: Style = { ...PLAIN, code: (text) => `\`${text}\`` };

/**
 * Commands whose words reach the answer (a prefix, a query, a question, a metric name), written
 * to ping a channel and to trip mrkdwn: none of it may ping, in any block or in the top-level text.
 */
const HOSTILE = [
  '/cw alarms all <!channel>',
  '/cw alarms <@U024BE7LH> --share',
  '/cw top MyApp <!here> by <!channel>',
  '/cw metrics AWS/EC2 CPUUtilization InstanceId=<!channel> --share',
  '/cw logs query /aws/lambda/checkout-api --since 1h "filter @message like /<!here>/"',
  '/dbadvice <!channel> 세션을 *1ms* 미만으로 읽어야 하는 `저장소` --share',
  '/dbadvice compare <@U024BE7LH> 오로라',
  '/dbadvice compare 오로라 다이나모디비',
];

describe('every message the bot builds, held to Slack’s rules', () => {
  it('the answers to every example in the registry, the README and the help, and to hostile text, on the demo', async () => {
    // Prepare
    const seen: { command: string; message: SlackMessage }[] = [];
    let command = '';
    let screen = '';
    const shell = await createShell(
      loadConfig({ DATA_SOURCE: 'demo' }),
      (text) => (screen += `${text}\n`),
      SPANS,
      (message) => seen.push({ command, message }),
    );
    const examples = [
      ...REGISTRY.commands.flatMap((c) => c.examples),
      ...readmeExamples().filter((example) => !isCommandName(example)),
    ];
    for (const help of ['/cw help', '/dbadvice help']) {
      screen = '';
      await shell.run(help);
      examples.push(...markdownExamples(screen));
    }
    const all = [...new Set([...examples.filter((e) => !e.startsWith('/alarm')), ...HOSTILE])];

    // Act
    for (const line of all) {
      command = line;
      await shell.run(line);
    }
    await shell.close();

    // Assess
    expect(seen.length).toBeGreaterThan(all.length);
    const tables = seen.filter((s) => (s.message.attachments ?? []).length > 0).map((s) => s.command);
    // The tables the README names: /cw top, /cw alarms, Logs Insights, the fleet review and compare.
    for (const table of ['/cw top', '/cw alarms', '/cw logs', '/dbadvice fleet', '/dbadvice compare'])
      expect(
        tables.some((c) => c.startsWith(table)),
        table,
      ).toBe(true);
    const failures = seen.flatMap(({ command: c, message }) => messageProblems(message).map((p) => `${c}: ${p}`));
    expect(failures, failures.join('\n')).toEqual([]);
  }, 180_000);

  it('the alarm relay’s messages for every sample alarm, and for an alarm written to ping and to trip mrkdwn', () => {
    // Prepare
    const route: RouteDecision = {
      channel: 'C0PAYMENTS1',
      mention: 'S0PAYONCALL',
      logGroups: ['/ecs/checkout'],
      routeName: 'payments',
    };
    const change = (event: AlarmEvent): AlarmChange => {
      const parsed = parseAlarmEvent(event);
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      return parsed.change;
    };
    const hostile = alarmEvent('metric');
    hostile.detail.alarmName = '<!channel> 결제 *지연* `p99` <@U024BE7LH>';
    hostile.detail.state.reason = `${hostile.detail.state.reason} <!here>`;
    const fixtures: AlarmFixture[] = [
      'metric',
      'metric-math',
      'anomaly-detection',
      'composite',
      'multi-time-series',
      'edge-minimal',
      'edge-unicode-long',
    ];
    const events = [...fixtures.map((f) => alarmEvent(f)), hostile];

    // Act
    const messages = events.flatMap((event): [string, SlackMessage][] => {
      const first = change(event);
      const later = change(nextChange(event, 'OK', 12));
      return [
        ['alarm', renderAlarmMessage(first, route)],
        ['reply', renderThreadReply(later, route)],
        ['late', renderLateReply(later, 'ALARM')],
        ['plain', renderPlainAlarm(first)],
        ['rerouted', renderRerouted(first, route, 'not_in_channel')],
        [
          'digest',
          renderStormDigest(
            [first, later].map((c) => ({
              eventId: c.eventId,
              alarmName: c.alarmName,
              state: c.state.value,
              atMs: c.state.timestamp.getTime(),
              region: c.region,
              account: c.account,
            })),
            Date.parse('2026-12-02T10:00:00Z'),
            10,
          ),
        ],
      ].map(([kind, message]) => [`${first.alarmName.slice(0, 40)} ${kind}`, message as SlackMessage]);
    });

    // Assess
    const failures = messages.flatMap(([what, message]) =>
      messageProblems(message, [route.mention ?? '']).map((p) => `${what}: ${p}`),
    );
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
