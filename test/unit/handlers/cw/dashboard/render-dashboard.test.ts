import { describe, expect, it } from 'vitest';
import type { DashboardWidget } from '../../../../../handlers/cw/dashboard/dashboard-body.ts';
import type { DashboardQuery } from '../../../../../handlers/cw/dashboard/parse-dashboard.ts';
import {
  type DashboardAnswer,
  logsOfferFor,
  renderDashboard,
  renderThreadHead,
} from '../../../../../handlers/cw/dashboard/render-dashboard.ts';
import { parseLogsQuery } from '../../../../../handlers/cw/logs/parse-logs.ts';
import { expectClosedCodeBlocks, expectValidMessage, mrkdwnTexts } from '../../../../fixtures/block-kit.ts';

const query: DashboardQuery = { name: 'prod-api', sinceSeconds: 3 * 3600, share: false };
const offer = { region: 'us-east-1', policy: { allowed: ['/aws/lambda/*'], maxRangeSeconds: 7 * 86400 } };
const url = 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=prod-api';
const log = (logGroups: string[], extra: Partial<Extract<DashboardWidget, { kind: 'log' }>> = {}) =>
  ({ kind: 'log', title: 'Errors', logGroups, query: 'fields @message | limit 20', ...extra }) as const;

function answer(overrides: Partial<DashboardAnswer> = {}): DashboardAnswer {
  return {
    name: 'prod-api',
    url,
    widgets: [],
    maxWidgets: 20,
    states: new Map(),
    graphs: { posted: 0, failures: [], savedLocally: false },
    maxGraphs: 6,
    query,
    logs: offer,
    ...overrides,
  };
}

const texts = (a: DashboardAnswer) => mrkdwnTexts(renderDashboard(a)).join('\n');

describe('handlers/cw/dashboard/render-dashboard: log widgets', () => {
  it('offers a /cw logs query line that /cw logs query itself accepts, over the dashboard range', () => {
    // Act
    const offered = logsOfferFor(log(['/aws/lambda/a', '/aws/lambda/b']), query, offer);

    // Assess
    expect(offered).toEqual({
      command: '/cw logs query /aws/lambda/a,/aws/lambda/b --since 3h fields @message | limit 20',
    });
    if (!('command' in offered)) throw new Error('no command');
    const reread = parseLogsQuery(offered.command.replace(/^\/cw logs query /, ''));
    expect(reread.logGroupNames).toEqual(['/aws/lambda/a', '/aws/lambda/b']);
    expect(reread.queryString).toBe('fields @message | limit 20');
  });

  it('keeps the range /cw logs allows: a 31-day dashboard range offers the 7-day maximum', () => {
    const offered = logsOfferFor(
      log(['/aws/lambda/a']),
      { ...query, sinceSeconds: 31 * 86400, sinceText: '31d' },
      offer,
    );
    expect(offered).toEqual({ command: '/cw logs query /aws/lambda/a --since 7d fields @message | limit 20' });
  });

  it('says so instead when a log group is outside the allowlist, in another region, malformed, or missing', () => {
    expect(logsOfferFor(log(['/aws/lambda/a', '/ecs/payments']), query, offer)).toEqual({
      why: expect.stringMatching(
        /`\/ecs\/payments` is not among the log groups this bot may read \(`LOG_GROUPS_ALLOWED`\)/,
      ),
    });
    expect(logsOfferFor(log(['/aws/lambda/a'], { region: 'eu-west-1' }), query, offer)).toEqual({
      why: 'its logs are in eu-west-1 and this bot reads us-east-1',
    });
    expect(logsOfferFor(log(['/aws/lambda/a b']), query, offer)).toMatchObject({
      why: expect.stringContaining('not a log group name'),
    });
    expect(logsOfferFor(log([]), query, offer)).toMatchObject({ why: expect.stringContaining('names no log groups') });
  });

  it('shows the command in a code block, its user text escaped, and the refusal with a console link', () => {
    // Prepare
    const widgets: DashboardWidget[] = [
      log(['/aws/lambda/a'], { query: 'filter @message like /<!channel>/' }),
      log(['/secret/audit'], { title: 'Audit' }),
    ];

    // Act
    const message = renderDashboard(answer({ widgets }));

    // Assess
    expectValidMessage(message);
    expectClosedCodeBlocks(message);
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain('```/cw logs query /aws/lambda/a --since 3h filter @message like /&lt;!channel&gt;/```');
    expect(all).not.toContain('<!channel>');
    expect(all).toMatch(
      /\*Audit\* \(log\): not drawn; `\/secret\/audit` is not among .*<https:[^|]+\|Open it in the console>/,
    );
  });
});

describe('handlers/cw/dashboard/render-dashboard', () => {
  it('lists alarm widgets with each alarm’s current state, and says which it could not find', () => {
    // Act
    const all = texts(
      answer({
        widgets: [{ kind: 'alarm', title: 'API alarms', alarmNames: ['api-5xx', 'api-latency', 'gone'] }],
        states: new Map([
          ['api-5xx', 'ALARM'],
          ['api-latency', 'OK'],
        ]),
      }),
    );

    // Assess
    expect(all).toMatch(/\*API alarms\*\n.* api-5xx · ALARM\n.* api-latency · OK\n.* gone · not found in this account/);
  });

  it('says the alarm states could not be read rather than showing none', () => {
    const all = texts(
      answer({
        widgets: [{ kind: 'alarm', title: undefined, alarmNames: ['a'] }],
        states: 'the role may not list alarms',
      }),
    );
    expect(all).toContain("_The alarms' states could not be read: the role may not list alarms._");
  });

  it('goes through the first N widgets of a big dashboard, then links the console for the rest', () => {
    // Prepare
    const widgets: DashboardWidget[] = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0
        ? { kind: 'metric', title: `m${i}`, properties: { metrics: [['A', 'B']] } }
        : { kind: 'text', markdown: `note ${i}` },
    );

    // Act
    const message = renderDashboard(
      answer({ widgets, maxWidgets: 20, graphs: { posted: 6, failures: [], savedLocally: false } }),
    );

    // Assess
    expectValidMessage(message);
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain('note 19');
    expect(all).not.toContain('note 21');
    expect(all).toContain(`Showed the first 20 of 60 widgets: <${url}|the rest are in the console>.`);
    expect(all).toContain(`Drew the first 6 of 30 metric widgets; <${url}|the rest are in the console>.`);
    expect(all).toContain('60 widgets (30 metric, 30 text)');
  });

  it('says where the graphs went, and why none were posted when the summary could not be', () => {
    const posted = texts(
      answer({
        widgets: [{ kind: 'metric', title: 'CPU', properties: {} }],
        graphs: {
          posted: 1,
          failures: [{ title: 'Memory', reason: 'CloudWatch is throttling' }],
          savedLocally: false,
          location: 'https://example.slack.com/files/U1/F1/a.png',
        },
      }),
    );
    expect(posted).toContain(
      "1 graph posted in the thread under the dashboard's summary in this channel (first: https://example.slack.com/files/U1/F1/a.png).",
    );
    expect(posted).toContain('*Memory* could not be drawn: CloudWatch is throttling.');
    const none = texts(
      answer({
        widgets: [{ kind: 'metric', title: 'CPU', properties: {} }],
        graphs: { posted: 0, failures: [], savedLocally: false, notPosted: 'there is no channel to post them to' },
      }),
    );
    expect(none).toContain('No graphs were posted: there is no channel to post them to.');
  });

  it('stays within Block Kit for the longest titles and texts, and keeps the notification text one line', () => {
    // Prepare
    const long = 'x'.repeat(5000);
    const widgets: DashboardWidget[] = [
      ...Array.from({ length: 20 }, () => ({ kind: 'text', markdown: long }) as const),
      { kind: 'alarm', title: long, alarmNames: Array.from({ length: 40 }, (_, i) => `${long}${i}`) },
    ];

    // Act
    const message = renderDashboard(answer({ name: 'n'.repeat(255), widgets, query: { ...query, share: true } }));

    // Assess
    expectValidMessage(message);
    expect(message.response_type).toBe('in_channel');
    expect(message.text).not.toContain('\n');
  });

  it('heads the thread with the name, the widgets by kind, the range and the console link', () => {
    // Act
    const head = renderThreadHead('prod-api', url, [{ kind: 'text', markdown: 'a' }], {
      ...query,
      sinceSeconds: 86400,
      sinceText: '1d',
    });

    // Assess
    expect(head.text).toBe('Dashboard prod-api: 1 widget (1 text), graphs over the last 1d');
    expectValidMessage({ text: head.text, blocks: head.blocks });
    expect(mrkdwnTexts({ text: head.text, blocks: head.blocks }).join('\n')).toContain(`<${url}|Open in CloudWatch>`);
  });
});
