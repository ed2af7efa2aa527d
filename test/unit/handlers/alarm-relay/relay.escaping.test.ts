import { describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import type { SlackPoster } from '../../../../handlers/alarm-relay/ports.ts';
import { relayAlarm } from '../../../../handlers/alarm-relay/relay.ts';
import {
  renderAlarmMessage,
  renderLateReply,
  renderThreadReply,
} from '../../../../handlers/alarm-relay/render-alarm.ts';
import { renderStormDigest } from '../../../../handlers/alarm-relay/render-digest.ts';
import { type RouteDecision, validateAlarmRouting } from '../../../../handlers/alarm-relay/routes.ts';
import { readCommandRequest } from '../../../../handlers/command-request.ts';
import { answerCommand, completeCommand } from '../../../../handlers/lifecycle.ts';
import { REGISTRY } from '../../../../handlers/registry.ts';
import { md, type SlackMessage, safeMessage, trusted } from '../../../../handlers/slack-message.ts';
import { createDataSource } from '../../../../infra/data-source.ts';
import { createInMemoryAlarmStore } from '../../../../infra/memory/alarm-store.ts';
import { type AlarmEvent, type AlarmFixture, alarmEvent, nextChange } from '../../../fixtures/alarm-events/index.ts';
import { mrkdwnTexts } from '../../../fixtures/block-kit.ts';

/** What a user or an alarm might write to make the bot ping a channel or break out of code. */
const HOSTILE = '<!channel> <@U123> <!here> & `x`';
/** Slack control sequences the bot may write: dates, links and the route's own user group. */
const PING = /<(?!!date\^|!subteam\^S0ONCALL1>|https?:\/\/|mailto:)/;

function expectNoPing(message: SlackMessage, where: string) {
  for (const text of mrkdwnTexts(message)) {
    expect(text, where).not.toMatch(PING);
    expect(text, where).not.toMatch(/&(?!amp;|lt;|gt;)/);
  }
}

const deps = () =>
  createDataSource(
    {
      dataSource: 'demo',
      region: 'us-east-1',
      logGroupsAllowed: ['/aws/lambda/*'],
      logsMaxRangeSeconds: 7 * 86_400,
      logsPricePerGb: 0.005,
    },
    { now: () => new Date('2026-11-25T12:00:00Z') },
  );

const COMMANDS: [string, string][] = [
  ['/cw', `metrics AWS/EC2 CPUUtilization InstanceId=${HOSTILE} --share`],
  ['/cw', `metrics AWS/EC2 ${HOSTILE} --share`],
  ['/cw', `metrics ${HOSTILE}`],
  ['/cw', `metrics AWS/RDS CPUUtilization DBInstanceIdentifier=orders-db --stat ${HOSTILE}`],
  ['/cw', `logs query /aws/lambda/checkout-api fields @message | filter @message like "${HOSTILE}"`],
  ['/cw', `logs query ${HOSTILE}`],
  ['/cw', `logs run ${HOSTILE}`],
  ['/cw', `alarms ${HOSTILE}`],
  ['/cw', `alarms all ${HOSTILE} --share`],
  ['/cw', `help ${HOSTILE}`],
  ['/cw', HOSTILE],
  ['/dbadvice', `${HOSTILE} --share`],
  ['/dbadvice', `compare ${HOSTILE} dynamodb --share`],
  [HOSTILE, 'help'],
];

const route: RouteDecision = { channel: 'C0ALARMS01', mention: 'S0ONCALL1', logGroups: [HOSTILE] };

/** AWS's sample of one kind, everything an alarm's owner writes set to the hostile text. */
function hostileEvent(fixture: AlarmFixture): AlarmEvent {
  const event = alarmEvent(fixture);
  event.resources = [`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${HOSTILE}`];
  event.detail.alarmName = HOSTILE;
  event.detail.state.reason = `${HOSTILE} was greater than the threshold (${HOSTILE})`;
  event.detail.configuration = { ...event.detail.configuration, description: HOSTILE };
  if (fixture === 'composite') {
    event.detail.configuration = { ...event.detail.configuration, alarmRule: `ALARM(${HOSTILE})` };
    event.detail.state.reason = `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${HOSTILE} transitioned to ALARM`;
  }
  return event;
}

const FIXTURES: AlarmFixture[] = ['metric', 'metric-math', 'anomaly-detection', 'composite', 'multi-time-series'];

describe('escaping of user and alarm text in every message', () => {
  it.each(COMMANDS)('%s %s: the ack and the worker’s answer ping no one', async (command, text) => {
    // Prepare
    const input = readCommandRequest({ command, text, userId: 'U0ALICE', channelId: 'C0INCIDENT' }, REGISTRY);
    const commandDeps = { ...deps(), reportError: () => {} };

    // Act
    const ack = await answerCommand(input, { ...commandDeps, dispatch: async () => {}, ackBudgetMs: 10_000 }, 'ref-1');
    const progress: SlackMessage[] = [];
    const worker = await completeCommand(input, commandDeps, {
      deadlineMs: 10_000,
      reference: 'ref-1',
      progress: async (message) => {
        progress.push(message);
      },
    });

    // Assess
    expectNoPing(ack.message, 'ack');
    expectNoPing(worker, 'worker');
    for (const message of progress) expectNoPing(message, 'progress');
  });

  it.each(FIXTURES)('renders a %s alarm whose name, description and reason are hostile inertly', (fixture) => {
    // Prepare
    const event = hostileEvent(fixture);
    const first = parseAlarmEvent(event);
    const later = parseAlarmEvent(nextChange(event, 'OK', 14, HOSTILE));
    if (!first.ok || !later.ok) throw new Error('the fixtures parse');

    // Act
    const messages = [
      renderAlarmMessage(first.change, route),
      renderAlarmMessage(first.change, route, { openedAt: new Date(0), current: later.change }),
      renderThreadReply(later.change, route),
      renderLateReply(first.change, 'OK'),
    ];

    // Assess: no ping, and the backticks cannot open or close inline code.
    for (const message of messages) {
      expectNoPing(message, fixture);
      for (const text of mrkdwnTexts(message)) expect(text).not.toContain('`x`');
    }
    expect(messages[0]?.text).toMatch(/^<!subteam\^S0ONCALL1> ALARM: &lt;!channel&gt;/);
  });

  it('lists hostile alarm names in a storm digest inertly', () => {
    const entries = [0, 1, 2].map((i) => ({
      eventId: `e-${i}`,
      alarmName: `${HOSTILE} ${i}`,
      state: 'ALARM' as const,
      atMs: Date.parse('2026-11-25T12:00:00Z') + i,
      region: 'us-east-1',
      account: HOSTILE,
    }));
    expectNoPing(renderStormDigest(entries, Date.parse('2026-11-25T12:00:00Z'), 10), 'digest');
  });

  it('relays a hostile alarm to Slack inertly, whatever the renderer', async () => {
    // Prepare
    const sent: SlackMessage[] = [];
    const poster: SlackPoster = {
      post: async (_channel, message) => {
        sent.push(message);
        return { ts: `${sent.length}.000100` };
      },
      update: async (_channel, _ts, message) => {
        sent.push(message);
      },
    };
    const routing = validateAlarmRouting({ defaultChannel: 'C0ALARMS01', routes: [] }, 'test');
    const relayDeps = {
      routing,
      store: createInMemoryAlarmStore(),
      poster,
      deadLetter: async () => {},
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      now: () => Date.parse('2019-10-02T17:05:00Z'),
      sleep: async () => {},
      deadlineMs: Date.parse('2019-10-02T17:06:00Z'),
    };
    const event = hostileEvent('metric');

    // Act
    await relayAlarm(relayDeps, event);
    await relayAlarm(relayDeps, nextChange(event, 'OK', 14, HOSTILE));

    // Assess
    expect(sent).toHaveLength(3);
    for (const message of sent) expectNoPing(message, 'relay');
  });

  it('escapes what a renderer forgot, keeping the bot’s own links, dates and allowed mention', () => {
    // Prepare: a careless renderer.
    const careless: SlackMessage = {
      text: `<!subteam^S0ONCALL1> ${HOSTILE} <!subteam^S0OTHER01> &amp; <https://example.com|docs>`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${HOSTILE} <!date^1^{date}|then>` } }],
    };

    // Act
    const safe = safeMessage(careless, ['S0ONCALL1']);

    // Assess
    expect(safe.text).toBe(
      '<!subteam^S0ONCALL1> &lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt; &amp; `x` &lt;!subteam^S0OTHER01&gt; &amp; <https://example.com|docs>',
    );
    expect(JSON.stringify(safe.blocks)).toContain(
      '&lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt; &amp; `x` <!date^1^{date}|then>',
    );
  });

  it('escapes every value put in an md template unless the bot marked it as its own', () => {
    expect(md`${trusted('<!subteam^S1>')} ${HOSTILE}: *${'a*b'}*`).toBe(
      '<!subteam^S1> &lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt; &amp; ˋxˋ: *a*b*',
    );
  });
});
