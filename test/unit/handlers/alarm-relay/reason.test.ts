import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../../../handlers/alarm-relay/alarm-change.ts';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { plainReason } from '../../../../handlers/alarm-relay/reason.ts';
import { COMPARISONS, readReasonText, withAlarmNames } from '../../../../handlers/alarm-relay/reason-text.ts';
import { renderAlarmMessage, renderThreadReply } from '../../../../handlers/alarm-relay/render-alarm.ts';
import type { RouteDecision } from '../../../../handlers/alarm-relay/routes.ts';
import { type AlarmEvent, alarmEvent } from '../../../fixtures/alarm-events/index.ts';
import { COMPOSITE_REASON_CASES, REASON_CASES, type ReasonCase } from '../../../fixtures/alarm-events/reasons.ts';

const route: RouteDecision = { channel: 'C0ALARMS01', logGroups: [] };

function parsed(event: AlarmEvent): AlarmChange {
  const result = parseAlarmEvent(event);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.change;
}

/** AWS's metric (or, without a metric, metric-math) sample carrying the case's state and metric. */
function changeFor(c: Pick<ReasonCase, 'state' | 'reason' | 'reasonData' | 'metric'>): AlarmChange {
  const event = alarmEvent(c.metric ? 'metric' : 'metric-math');
  event.detail.state = {
    value: c.state,
    reason: c.reason,
    ...(c.reasonData ? { reasonData: c.reasonData } : {}),
    timestamp: event.detail.state.timestamp,
  };
  if (c.metric) {
    event.detail.configuration = {
      metrics: [
        {
          id: 'm1',
          metricStat: {
            metric: { namespace: c.metric.namespace, name: c.metric.name, dimensions: {} },
            period: 300,
            stat: c.metric.stat ?? 'Average',
            ...(c.metric.unit ? { unit: c.metric.unit } : {}),
          },
          returnData: true,
        },
      ],
    };
  }
  return parsed(event);
}

describe('handlers/alarm-relay/reason', () => {
  it.each(REASON_CASES.map((c) => [c.name, c] as const))('reads %s', (_name, c) => {
    // Act
    const text = plainReason(changeFor(c));

    // Assess
    for (const part of c.expected) expect(text).toContain(part);
    for (const part of c.absent ?? []) expect(text).not.toContain(part);
  });

  it.each(COMPOSITE_REASON_CASES.map((c) => [c.name, c] as const))('names the child alarm when %s', (_name, c) => {
    // Prepare: AWS's composite sample, its reasonData left out so the sentence is all there is.
    const event = alarmEvent('composite');
    event.detail.state = { value: c.state, reason: c.reason, timestamp: event.detail.state.timestamp };

    // Act
    const message = renderAlarmMessage(parsed(event), route);

    // Assess
    const text = JSON.stringify(message.blocks);
    for (const part of c.expected) expect(text).toContain(part);
    for (const part of c.absent ?? []) expect(text).not.toContain(part);
  });

  it('shows CloudWatch’s composite sentence with names beside the triggering alarms', () => {
    // Act: AWS's sample as published, with reasonData naming the child.
    const message = renderAlarmMessage(parsed(alarmEvent('composite')), route);
    const reply = renderThreadReply(parsed(alarmEvent('composite')), route);

    // Assess
    for (const shown of [message, reply]) {
      const text = JSON.stringify(shown.blocks);
      expect(text).toContain('CloudWatch: SuppressionDemo.EventBridge.FirstChild transitioned to ALARM');
      expect(text).not.toContain('arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo');
    }
  });

  it('leaves text without an ARN alone and stops a name at punctuation', () => {
    expect(withAlarmNames('Threshold Crossed')).toBe('Threshold Crossed');
    expect(withAlarmNames('(arn:aws:cloudwatch:eu-west-1:123456789012:alarm:db-cpu), then')).toBe('(db-cpu), then');
  });

  it('never throws on arbitrary reason text and reasonData, and pings no one', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.option(fc.json(), { nil: undefined }),
        fc.constantFrom('ALARM', 'OK', 'INSUFFICIENT_DATA'),
        (reason, reasonData, state) => {
          const change = changeFor({ state, reason, reasonData, metric: { namespace: 'AWS/EC2', name: 'CPU' } });
          const rendered = JSON.stringify(renderAlarmMessage(change, route));
          expect(typeof plainReason(change)).toBe('string');
          expect(rendered).not.toMatch(/<(?!!date\^)[!@#]/);
        },
      ),
    );
  });

  it('never loses the comparison CloudWatch’s sentence names', () => {
    // Text around the comparison is arbitrary, as long as it names no other comparison.
    const noise = fc.string({ maxLength: 80 }).filter((s) => !/than|threshold|\[|\(|Insufficient/i.test(s));
    const value = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(
        noise,
        noise,
        fc.constantFrom(...COMPARISONS),
        fc.boolean(),
        fc.constantFrom('was', 'were'),
        value,
        fc.option(fc.array(value, { minLength: 1, maxLength: 12 }), { nil: undefined }),
        (before, after, comparison, negated, verb, threshold, recent) => {
          const phrase = `${negated ? 'not ' : ''}${comparison} the threshold`;
          const reason = `${before} ${verb} ${phrase} (${String(threshold).replace('e+', 'E')})${after}`;
          const reasonData = recent ? JSON.stringify({ recentDatapoints: recent, threshold }) : undefined;
          const read = readReasonText(reason);
          expect(read).toMatchObject({ form: 'threshold', comparison, negated });
          expect(plainReason(changeFor({ state: 'ALARM', reason, reasonData }))).toContain(phrase);
        },
      ),
    );
  });
});
