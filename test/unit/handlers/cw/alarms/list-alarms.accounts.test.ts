import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import type { AlarmSummary, AlarmsPort } from '../../../../../handlers/ports.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { tablesOf } from '../../../../../handlers/slack-table.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';
import { commandDeps, runtimeOf } from '../../../../fixtures/command-deps.ts';

const ACCOUNTS = [{ alias: 'payments', id: '210987654321' }];
const at = new Date('2026-12-02T09:50:00Z');
const alarm = (name: string, accountId?: string): AlarmSummary => ({
  name,
  kind: 'metric',
  state: 'ALARM',
  reason: 'Threshold Crossed',
  updatedAt: at,
  ...(accountId ? { accountId } : {}),
});

async function alarms(text: string, listed: AlarmSummary[]) {
  const asked: Parameters<AlarmsPort['describeAlarms']>[0][] = [];
  const port: AlarmsPort = {
    describeAlarms: async (query) => {
      asked.push(query);
      return listed.filter((a) => !query.accountId || a.accountId === query.accountId);
    },
  };
  const deps = commandDeps({ alarms: port, accounts: ACCOUNTS, now: () => new Date('2026-12-02T10:00:00Z') });
  const plan = planCommand({ command: '/cw', text }, deps);
  if (plan.kind !== 'work') throw new Error('expected work');
  const message: SlackMessage = await plan.run({ ...runtimeOf(deps), ...deps });
  expectValidMessage(message);
  return { text: JSON.stringify([message.blocks ?? message.text, tablesOf(message)]), asked };
}

describe('handlers/cw/alarms: accounts', () => {
  it('names the linked account an alarm watches, by its alias, when the list is of every account', async () => {
    const { text } = await alarms('alarms', [
      alarm('ledger-cpu', '210987654321'),
      alarm('ops-cpu'),
      alarm('x', '999988887777'),
    ]);
    // Prepare: the Account column names the linked account, by alias when it has one.
    const table = JSON.parse(text)[1][0] as { rows: unknown[][] };
    const cells = table.rows.map((row) => JSON.stringify(row));

    // Assess
    expect(JSON.stringify(table.rows[0])).toContain('Account');
    expect(cells.find((c) => c.includes('ledger-cpu'))).toContain('payments (210987654321)');
    expect(cells.find((c) => c.includes('"x"'))).toContain('999988887777');
    expect(cells.find((c) => c.includes('ops-cpu'))).not.toContain('210987654321');
  });

  it('asks for the alarms on one account’s metrics, and says which account the list is of', async () => {
    const { text, asked } = await alarms('alarms --account payments', [
      alarm('ledger-cpu', '210987654321'),
      alarm('ops-cpu'),
    ]);
    expect(asked).toEqual([{ state: 'ALARM', accountId: '210987654321' }]);
    expect(text).toContain('1 alarm in payments (210987654321) · us-east-1');
    expect(text).not.toContain('ops-cpu');
  });
});
