import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../../handlers/alarm-relay/alarm-event.ts';
import {
  renderAlarmMessage,
  renderLateReply,
  renderThreadReply,
} from '../../../../../handlers/alarm-relay/render-alarm.ts';
import { listAlarms, parseAlarmList } from '../../../../../handlers/cw/alarms/list-alarms.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { createCloudWatchAlarms } from '../../../../../infra/aws/cloudwatch-alarms.ts';
import { alarmEvent, nextChange } from '../../../../fixtures/alarm-events/index.ts';
import { COMPOSITE_REASON_CASES, REASON_CASES } from '../../../../fixtures/alarm-events/reasons.ts';
import { mrkdwnTexts, shownText } from '../../../../fixtures/block-kit.ts';
import { attempt } from '../../../../fixtures/outcome.ts';

const cwMock = mockClient(CloudWatchClient);
beforeEach(() => cwMock.reset());
const deps = () => ({
  alarms: createCloudWatchAlarms(
    new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
  ),
  region: 'eu-west-1',
  now: () => new Date('2026-12-05T11:00:00Z'),
});

/** Inline code spans that open and close where the bot meant them: an even count, none empty or doubled. */
function expectWholeCodeSpans(message: SlackMessage) {
  for (const text of mrkdwnTexts(message)) {
    expect((text.match(/`/g) ?? []).length % 2, text).toBe(0);
    expect(text, text).not.toContain('``');
  }
}

// The reason cases DescribeAlarms can show as they are: `StateReason` only (it has no reasonData here).
const SENTENCE_ONLY = REASON_CASES.filter((c) => c.metric && !c.reasonData);

describe('handlers/cw/alarms: the reason as the relay reads it', () => {
  it.each(SENTENCE_ONLY.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // Prepare
    cwMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'the-alarm',
          StateValue: c.state,
          StateReason: c.reason,
          StateUpdatedTimestamp: new Date('2026-12-05T10:30:00Z'),
          Namespace: c.metric?.namespace,
          MetricName: c.metric?.name,
          ...(c.metric?.unit ? { Unit: c.metric.unit as never } : {}),
          ...(c.metric?.stat ? { Statistic: c.metric.stat as never } : {}),
        },
      ],
    });

    // Act
    const message = await listAlarms(deps(), { state: undefined, namePrefix: undefined });

    // Assess
    const text = shownText(message);
    for (const expected of c.expected) expect(text).toContain(expected);
    for (const absent of c.absent ?? []) expect(text).not.toContain(absent);
  });

  it('shows bytes and percent with their unit, never the raw exponent notation', async () => {
    // Prepare: the alarms, with CloudWatch's sentences (Java's exponent notation for bytes).
    cwMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'users-db-freeable-memory-low',
          StateValue: 'ALARM',
          StateReason:
            'Threshold Crossed: 3 out of the last 3 datapoints [1.9E9 (05/12/26 10:25:00), 2.0E9 (05/12/26 10:20:00), 1.95E9 (05/12/26 10:15:00)] were less than the threshold (2.147483648E9) (minimum 3 datapoints for OK -> ALARM transition).',
          StateUpdatedTimestamp: new Date('2026-12-05T10:30:00Z'),
          Namespace: 'AWS/RDS',
          MetricName: 'FreeableMemory',
          Statistic: 'Average',
        },
        {
          AlarmName: 'orders-db-cpu-high',
          StateValue: 'ALARM',
          StateReason:
            'Threshold Crossed: 3 out of the last 3 datapoints [94.5 (05/12/26 10:20:00), 93.36 (05/12/26 10:15:00), 90.78 (05/12/26 10:10:00)] were greater than the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).',
          StateUpdatedTimestamp: new Date('2026-12-05T10:25:00Z'),
          Namespace: 'AWS/RDS',
          MetricName: 'CPUUtilization',
          Statistic: 'Average',
        },
      ],
    });

    // Act
    const text = shownText(await listAlarms(deps(), { state: 'ALARM', namePrefix: undefined }));

    // Assess
    expect(text).toContain(
      '*FreeableMemory* was *1.8 GiB, 1.9 GiB, 1.8 GiB*: less than the threshold *2.0 GiB*. 3 of the last 3 datapoints crossed it.',
    );
    expect(text).toContain('*CPUUtilization* was *94.5%, 93.4%, 90.8%*: greater than the threshold *80%*.');
    expect(text).not.toMatch(/\dE\d/);
    expect(text).not.toContain('Threshold Crossed');
  });

  it.each([
    ['a sentence no reader knows', 'Threshold Crossed', 'Threshold Crossed'],
    [
      'a Metrics Insights alarm',
      '6 out of 6 time series evaluated to ALARM',
      '6 out of 6 time series evaluated to ALARM',
    ],
    ['a new alarm', 'Unchecked: Initial alarm creation', 'Unchecked: Initial alarm creation'],
  ])('keeps CloudWatch’s words when it cannot read them: %s', async (_name, reason, shown) => {
    cwMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'x',
          StateValue: 'ALARM',
          StateReason: reason,
          StateUpdatedTimestamp: new Date('2026-12-05T10:30:00Z'),
          Namespace: 'AWS/EC2',
          MetricName: 'CPUUtilization',
        },
      ],
    });
    const text = shownText(await listAlarms(deps(), { state: undefined, namePrefix: undefined }));
    expect(text).toContain(shown);
  });

  it.each(COMPOSITE_REASON_CASES.map((c) => [c.name, c] as const))('composite: %s', async (_name, c) => {
    cwMock.on(DescribeAlarmsCommand).resolves({
      CompositeAlarms: [
        { AlarmName: 'c', StateValue: c.state, StateReason: c.reason, StateUpdatedTimestamp: new Date() },
      ],
    });
    const text = shownText(await listAlarms(deps(), { state: undefined, namePrefix: undefined }));
    for (const expected of c.expected) expect(text).toContain(expected);
    for (const absent of c.absent ?? []) expect(text).not.toContain(absent);
  });
});

/** Names, prefixes and descriptions with backticks where a code span would open or close. */
const hostile = fc
  .array(fc.constantFrom('`', '``', '```', 'x', 'db-', ' ', '<!channel>', '*', '_'), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => s.includes('`') && s.trim().length > 0 && !/\s/.test(s));

// A star in a prefix is a wildcard (trailing: stripped; inside: refused), so prefixes are hostile without one.
const hostilePrefix = hostile.filter((s) => !s.includes('*'));

describe('user text in inline code cannot break the span', () => {
  it('`/cw alarms <prefix> --share` that matches nothing', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePrefix, async (prefix) => {
        cwMock.reset();
        cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: prefix }).resolves({});
        cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: undefined }).resolves({
          MetricAlarms: [{ AlarmName: 'a', StateValue: 'ALARM', StateUpdatedTimestamp: new Date() }],
        });
        const message = await listAlarms(deps(), parseAlarmList([prefix, '--share']));
        expect(message.response_type).toBe('in_channel');
        expectWholeCodeSpans(message);
        expect(message.text).toMatch(/starting `[^`]+`\./);
      }),
      { numRuns: 40 },
    );
  });

  it('the issue’s case: a prefix that is itself in backticks', async () => {
    cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: '`x`' }).resolves({});
    cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: undefined }).resolves({});
    const message = await listAlarms(deps(), parseAlarmList(['`x`', '--share']));
    expect(message.text).toContain('has a name starting `ˋxˋ`.');
  });

  it('alarm names and reasons in the list', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (name, reason) => {
        cwMock.reset();
        cwMock.on(DescribeAlarmsCommand).resolves({
          MetricAlarms: [
            { AlarmName: name, StateValue: 'ALARM', StateReason: reason, StateUpdatedTimestamp: new Date() },
          ],
          CompositeAlarms: [
            { AlarmName: `${name}-c`, StateValue: 'OK', StateReason: reason, StateUpdatedTimestamp: new Date() },
          ],
        });
        expectWholeCodeSpans(await listAlarms(deps(), { state: undefined, namePrefix: undefined }));
      }),
      { numRuns: 40 },
    );
  });

  it('the words `/cw alarms` refuses', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        for (const tokens of [
          [a, b],
          ['ok', 'all'],
        ]) {
          const outcome = attempt(() => parseAlarmList(tokens));
          if (!outcome.ok && !(outcome.error instanceof UserInputError)) throw outcome.error;
          // An accepted list has no refusal to read: its text is empty, which has no broken span either.
          expectWholeCodeSpans({ text: outcome.ok ? '' : (outcome.error as UserInputError).message });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('alarm messages: names, descriptions, rules, expressions and mutes', () => {
    const route = { channel: 'C0ALARMS01', logGroups: [] };
    fc.assert(
      fc.property(hostile, hostile, (name, text) => {
        for (const fixture of ['metric', 'metric-math', 'composite'] as const) {
          const event = alarmEvent(fixture);
          event.detail.alarmName = name;
          const configuration = (event.detail.configuration ?? {}) as Record<string, unknown>;
          configuration.description = text;
          if (fixture === 'composite') configuration.alarmRule = `ALARM(${text})`;
          if (fixture === 'metric-math') {
            const [first] = (configuration.metrics ?? []) as { expression?: string }[];
            if (first?.expression) first.expression = text;
          }
          event.detail.configuration = configuration;
          const parsed = parseAlarmEvent(event);
          const later = parseAlarmEvent(nextChange(event, 'OK', 5, text));
          if (!parsed.ok || !later.ok) throw new Error('fixture must parse');
          expectWholeCodeSpans(renderAlarmMessage(parsed.change, route));
          expectWholeCodeSpans(
            renderAlarmMessage(parsed.change, route, {
              openedAt: parsed.change.state.timestamp,
              current: later.change,
            }),
          );
          expectWholeCodeSpans(renderThreadReply(later.change, route));
          expectWholeCodeSpans(renderLateReply(later.change, 'ALARM'));
        }
      }),
      { numRuns: 30 },
    );
  });
});
