import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import type { InsightsGroup, MetricsInsightsRequest } from '../../../../../handlers/ports.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { tablesOf } from '../../../../../handlers/slack-table.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';
import { commandDeps, runtimeOf } from '../../../../fixtures/command-deps.ts';
import { fakeMetrics } from '../../../../fixtures/fake-metrics.ts';

/** A monitoring account in eu-central-1 with its own alias and one linked account. */
const ACCOUNTS = [
  { alias: 'ops', id: '123456789012' },
  { alias: 'payments', id: '210987654321' },
];
const now = () => new Date('2026-12-02T10:00:00Z');

function group(request: MetricsInsightsRequest, label: string, level: number, accountId?: string): InsightsGroup {
  const timestamps: Date[] = [];
  const values: number[] = [];
  for (let t = request.start.getTime(); t < request.end.getTime(); t += request.periodSeconds * 1000) {
    timestamps.push(new Date(t));
    values.push(level);
  }
  return { label, timestamps, values, ...(accountId ? { accountId } : {}) };
}

/** Plans and runs `/cw top …` as the bot would, with Insights answering `groups`. */
async function top(text: string, groups: (r: MetricsInsightsRequest) => InsightsGroup[]) {
  const asked: MetricsInsightsRequest[] = [];
  const metrics = fakeMetrics({
    insights: (r) => {
      asked.push(r);
      return { groups: groups(r), status: 'Complete', messages: [] };
    },
  });
  const deps = commandDeps({
    metrics: metrics.port,
    region: 'eu-central-1',
    regionsAllowed: ['eu-central-1', 'eu-west-1'],
    accounts: ACCOUNTS,
    now,
  });
  const plan = planCommand({ command: '/cw', text }, deps);
  if (plan.kind !== 'work') throw new Error('expected work');
  const runtime = runtimeOf(deps);
  const message: SlackMessage = await plan.run({ ...runtime, ...deps, region: plan.scope?.region ?? deps.region });
  expectValidMessage(message);
  return { message, asked, scope: plan.scope };
}

/** The Graph buttons, whether above a table or beside each row's section. */
const graphButtons = (message: SlackMessage) =>
  (message.blocks ?? []).flatMap((b) => {
    if (b.type === 'actions') return b.elements.flatMap((e) => (e.type === 'button' ? [e] : []));
    if (b.type === 'section' && b.accessory?.type === 'button') return [b.accessory];
    return [];
  });
/** Everything a reader sees of the rows: the table (or the sections) and the context lines. */
const shown = (message: SlackMessage) => JSON.stringify([message.blocks, tablesOf(message)]);

describe('handlers/cw/top: accounts and Regions', () => {
  it('ranks every linked account in a monitoring account, each row naming its account, and graphs the row where it is', async () => {
    // Act
    const { message, asked } = await top('top rds cpu', (r) => [
      group(r, 'ledger-db', 90, '210987654321'),
      group(r, 'ledger-db', 40, '123456789012'),
      group(r, 'stray-db', 10, '999988887777'),
    ]);

    // Assess
    expect(asked[0]?.byAccount).toBe(true);
    expect(shown(message)).toContain('payments (210987654321)');
    expect(shown(message)).toContain('ops (123456789012)');
    expect(shown(message)).toContain('999988887777');
    const values = graphButtons(message).map((b) => b.value ?? '');
    // An account the bot does not know would be refused on a press: no button for the third row.
    expect(values).toHaveLength(2);
    expect(values[0]).toContain('--account payments');
    expect(values[1]).toContain('--account ops');
    const rerun = parseMetricsArgs(tokenize(values[0] ?? '').slice(1));
    expect(rerun.scope).toEqual({ account: 'payments' });
    expect(message.text).toContain('ledger-db (payments)');
    expect(shown(message)).toContain('all linked accounts · eu-central-1');
  });

  it('ranks one account in another Region, saying so, with the Region on every link and button', async () => {
    // Act
    const { message, asked, scope } = await top('top rds cpu --account payments --region eu-west-1', (r) => [
      group(r, 'ledger-db', 90),
    ]);

    // Assess
    expect(scope).toEqual({ region: 'eu-west-1', account: ACCOUNTS[1] });
    expect(asked[0]).toMatchObject({ accountId: '210987654321' });
    expect(asked[0]?.byAccount).toBeUndefined();
    expect(shown(message)).toContain('https://eu-west-1.console.aws.amazon.com/');
    expect(shown(message)).toContain(encodeURIComponent('"accountId":"210987654321"'));
    expect(graphButtons(message)[0]?.value).toContain('--region eu-west-1 --account payments');
    expect(shown(message)).toContain('payments (210987654321) · eu-west-1');
    expect(message.text).toContain('in payments (210987654321)');
  });
});
