import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alarmNameOf,
  label,
  parseDashboardBody,
  splitLogQuery,
  widgetCounts,
} from '../../../../../handlers/cw/dashboard/dashboard-body.ts';

// Bodies in the shape of https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html:
// `widgets[]`, each with `type`, `x`, `y`, `width`, `height` and `properties`.
const body = (widgets: unknown[]) => JSON.stringify({ widgets });

describe('handlers/cw/dashboard/dashboard-body', () => {
  it('reads widgets top to bottom, then left to right, whatever order the JSON lists them in', () => {
    // Prepare
    const parsed = parseDashboardBody(
      body([
        { type: 'text', x: 12, y: 6, properties: { markdown: 'right' } },
        { type: 'text', x: 0, y: 6, properties: { markdown: 'left' } },
        { type: 'text', x: 0, y: 0, properties: { markdown: 'top' } },
      ]),
    );

    // Assess
    expect(parsed).toEqual({
      ok: true,
      widgets: [
        { kind: 'text', markdown: 'top' },
        { kind: 'text', markdown: 'left' },
        { kind: 'text', markdown: 'right' },
      ],
    });
  });

  it('tells each kind apart: metric, alarm (by name from its ARN), log (its SOURCE groups), and the ones not drawn', () => {
    // Prepare
    const parsed = parseDashboardBody(
      body([
        { type: 'metric', x: 0, y: 0, properties: { title: 'CPU', metrics: [['AWS/EC2', 'CPUUtilization']] } },
        {
          type: 'alarm',
          x: 0,
          y: 1,
          properties: { alarms: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:api-5xx', 'bare-name'] },
        },
        {
          type: 'log',
          x: 0,
          y: 2,
          properties: {
            region: 'eu-west-1',
            query: 'SOURCE \'/aws/lambda/a\' | SOURCE "/aws/lambda/b" | fields @message',
          },
        },
        { type: 'metric', x: 0, y: 3, properties: { annotations: { alarms: ['arn:…:alarm:x'] } } },
        { type: 'explorer', x: 0, y: 4, properties: {} },
        { type: 'custom', x: 0, y: 5, properties: {} },
        { type: 'sparkles', x: 0, y: 6, properties: {} },
        'not an object',
      ]),
    );

    // Assess
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.widgets.map((w) => w.kind)).toEqual([
      'metric',
      'alarm',
      'log',
      'other',
      'other',
      'other',
      'other',
      'other',
    ]);
    expect(parsed.widgets[1]).toEqual({ kind: 'alarm', title: undefined, alarmNames: ['api-5xx', 'bare-name'] });
    expect(parsed.widgets[2]).toEqual({
      kind: 'log',
      title: undefined,
      logGroups: ['/aws/lambda/a', '/aws/lambda/b'],
      query: 'fields @message',
      region: 'eu-west-1',
    });
    expect(parsed.widgets[3]).toMatchObject({ kind: 'other', why: expect.stringContaining('graphs an alarm') });
    // A metric widget with nothing to draw still counts as the kind its author chose.
    expect(widgetCounts(parsed.widgets)).toBe('2 metric, 1 alarm, 1 log, 1 explorer, 1 custom, 1 sparkles, 1 unknown');
  });

  it('makes every title, alarm name and kind one line: they are labels', () => {
    // Prepare
    const parsed = parseDashboardBody(
      body([
        { type: 'metric', x: 0, y: 0, properties: { title: 'Orders\n*per*\tminute  ', metrics: [['A', 'B']] } },
        { type: 'alarm', x: 0, y: 1, properties: { title: '\n\n', alarms: ['two\nlines'] } },
        { type: 'log', x: 0, y: 2, properties: { query: "SOURCE '/aws/x'\n| fields @message\n| limit 5" } },
      ]),
    );

    // Assess
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.widgets[0]).toMatchObject({ title: 'Orders *per* minute' });
    expect(parsed.widgets[1]).toEqual({ kind: 'alarm', title: undefined, alarmNames: ['two lines'] });
    expect(parsed.widgets[2]).toMatchObject({ logGroups: ['/aws/x'], query: 'fields @message | limit 5' });
  });

  it('says why a body cannot be read instead of throwing', () => {
    expect(parseDashboardBody('{')).toEqual({ ok: false, problem: 'its body is not valid JSON' });
    expect(parseDashboardBody('[]')).toEqual({ ok: false, problem: 'its body is not a JSON object' });
    expect(parseDashboardBody('{"start":"-PT3H"}')).toEqual({ ok: false, problem: 'its body has no `widgets` list' });
    expect(parseDashboardBody(body(Array.from({ length: 501 }, () => ({}))))).toMatchObject({ ok: false });
  });

  it('never throws on any JSON, and every label it returns is one line', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.record({ type: fc.string(), properties: fc.dictionary(fc.string(), fc.jsonValue()) })),
        (raw, widgets) => {
          for (const text of [JSON.stringify(raw), body(widgets)]) {
            const parsed = parseDashboardBody(text);
            if (!parsed.ok) continue;
            for (const w of parsed.widgets) {
              const labels = [
                'title' in w ? w.title : undefined,
                w.kind === 'other' ? w.type : undefined,
                ...(w.kind === 'alarm' ? w.alarmNames : []),
                ...(w.kind === 'log' ? [...w.logGroups, w.query] : []),
              ];
              for (const l of labels) expect(l ?? '').not.toMatch(/[\n\r\t]/);
            }
          }
        },
      ),
    );
  });

  it('reads helpers the same way everywhere', () => {
    expect(label('  a \n b ')).toBe('a b');
    expect(label(' \n ')).toBeUndefined();
    expect(label(42)).toBeUndefined();
    expect(alarmNameOf('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:with:colons')).toBe('with:colons');
    expect(splitLogQuery('fields @message')).toEqual({ logGroups: [], query: 'fields @message' });
  });
});
