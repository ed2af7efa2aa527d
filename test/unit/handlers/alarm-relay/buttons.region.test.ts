import { describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { ALARM_ACTIONS, ALARM_BUTTONS, encodeAlarmAction } from '../../../../handlers/alarm-relay/buttons.ts';
import { pressButton } from '../../../../handlers/lifecycle.ts';
import type { MetricImagePort, PortLoaders } from '../../../../handlers/ports.ts';
import type { ScopeLimit } from '../../../../handlers/scope.ts';
import { alarmEvent } from '../../../fixtures/alarm-events/index.ts';
import { commandDeps, runtimeOf } from '../../../fixtures/command-deps.ts';

/** The metric fixture's alarm, moved to `region` as EventBridge would deliver it from there. */
function valueIn(region: string): { value: string; account: string } {
  const event = { ...alarmEvent('metric'), region };
  const parsed = parseAlarmEvent(event);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return {
    value: encodeAlarmAction(parsed.change, { channel: 'C0ALARMS01', logGroups: [], routeName: 'payments' }),
    account: parsed.change.account,
  };
}

/** A runtime whose every Region's images port records which Region drew. */
function runtime(regionsAllowed: string[]) {
  const drawn: string[] = [];
  const deps = commandDeps({
    region: 'us-east-1',
    regionsAllowed,
    now: () => new Date('2030-01-01T00:00:00Z'),
    files: { upload: async () => ({}) },
  });
  const base = runtimeOf(deps);
  const portsIn = (region: string): PortLoaders => {
    const images: MetricImagePort = {
      getMetricImage: async () => {
        drawn.push(region);
        return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
      },
    };
    return { ...base.ports, images: async () => images };
  };
  return { drawn, runtime: { ...base, ports: portsIn('us-east-1'), portsIn } };
}

const press = (value: string, r: ReturnType<typeof runtime>['runtime'], scopeLimit?: ScopeLimit) =>
  pressButton(
    ALARM_BUTTONS,
    ALARM_ACTIONS.graph,
    { value, channelId: 'C0ALARMS01', threadTs: '1.2', ...(scopeLimit ? { scopeLimit } : {}) },
    r,
    {},
  );

describe('handlers/alarm-relay/buttons: an alarm’s own Region', () => {
  it('draws an alarm from another Region with that Region’s ports', async () => {
    // Prepare
    const { drawn, runtime: r } = runtime(['us-east-1', 'eu-west-1']);

    // Act
    const message = await press(valueIn('eu-west-1').value, r);

    // Assess
    expect(message.text).toMatch(/Posted the graph/);
    expect(drawn).toEqual(['eu-west-1']);
  });

  it('gives the graph’s range buttons the alarm’s Region, so a redraw reads there too', async () => {
    // Prepare
    const { drawn, runtime: r } = runtime(['us-east-1', 'eu-west-1']);
    const answer = await press(valueIn('eu-west-1').value, r);
    const actions = (answer.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements : []));
    const first = actions[0];
    const range = first?.type === 'button' ? first : undefined;

    // Act
    const redrawn = await pressButton(
      ALARM_BUTTONS,
      range?.action_id ?? '',
      { value: range?.value ?? '', channelId: 'C0ALARMS01' },
      r,
      {},
    );

    // Assess
    expect(JSON.parse(range?.value ?? '{}')).toMatchObject({ r: 'eu-west-1' });
    expect(redrawn.text).not.toMatch(/no_entry|do not know/);
    expect(drawn).toEqual(['eu-west-1', 'eu-west-1']);
  });

  it('refuses a Region outside REGIONS_ALLOWED, and one the channel may not read, before drawing', async () => {
    // Prepare
    const { drawn, runtime: r } = runtime(['us-east-1', 'eu-west-1']);
    const { value, account } = valueIn('eu-west-1');

    // Act
    const outside = await press(valueIn('ap-south-1').value, r);
    const limited = await press(value, r, { regions: ['us-east-1'] });
    const otherAccount = await press(value, r, { accounts: ['210987654321'] });
    const ownAccount = await press(value, r, { accounts: [account] });

    // Assess
    expect(outside.text).toContain('`ap-south-1`, a Region this bot does not read');
    expect(limited.text).toContain('which this channel may not read');
    expect(otherAccount.text).toContain(`account \`${account}\`, which this channel may not read`);
    expect(ownAccount.text).toMatch(/Posted the graph/);
    expect(drawn).toEqual(['eu-west-1']);
  });
});
