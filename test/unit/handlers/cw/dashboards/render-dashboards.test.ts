import { describe, expect, it } from 'vitest';
import { dashboardConsoleUrl, renderDashboards } from '../../../../../handlers/cw/dashboards/render-dashboards.ts';
import type { DashboardSummary } from '../../../../../handlers/ports.ts';
import { expectNoStrayAngleBrackets, expectValidMessage, mrkdwnTexts } from '../../../../fixtures/block-kit.ts';

const now = () => new Date('2026-11-25T12:00:00Z');
const settings = { region: 'eu-west-1', now };
const hoursAgo = (h: number) => new Date(now().getTime() - h * 3_600_000);
const dashboard = (name: string, h: number, sizeBytes = 2048): DashboardSummary => ({
  name,
  lastModified: hoursAgo(h),
  sizeBytes,
});

describe('handlers/cw/dashboards/render-dashboards', () => {
  it('lists the last changed first, each with its console link, when it changed and its size', () => {
    // Act
    const message = renderDashboards(
      [dashboard('ops', 72, 512), dashboard('prod-api', 2, 5120)],
      { namePrefix: undefined, share: false },
      settings,
    );

    // Assess
    expectValidMessage(message);
    expect(message.response_type).toBe('ephemeral');
    const [lines = ''] = mrkdwnTexts(message).filter((t) => t.startsWith('•'));
    expect(lines.split('\n')).toEqual([
      `• <${dashboardConsoleUrl('eu-west-1', 'prod-api')}|prod-api> · changed 2 h ago · 5.0 KiB`,
      `• <${dashboardConsoleUrl('eu-west-1', 'ops')}|ops> · changed 3 d ago · 512 B`,
    ]);
    expect(dashboardConsoleUrl('eu-west-1', 'prod-api')).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=prod-api',
    );
  });

  it('says a change time CloudWatch did not give is unknown, lists it last, and never shows 1970', () => {
    // Act
    const message = renderDashboards(
      [{ name: 'legacy', sizeBytes: 100 }, dashboard('ops', 72, 512)],
      { namePrefix: undefined, share: false },
      settings,
    );

    // Assess
    const [lines = ''] = mrkdwnTexts(message).filter((t) => t.startsWith('•'));
    expect(lines.split('\n')).toEqual([
      `• <${dashboardConsoleUrl('eu-west-1', 'ops')}|ops> · changed 3 d ago · 512 B`,
      `• <${dashboardConsoleUrl('eu-west-1', 'legacy')}|legacy> · change time unknown · 100 B`,
    ]);
    expect(JSON.stringify(message)).not.toMatch(/1970|\d{4,} d ago/);
  });

  it('posts in the channel with --share, and says what a prefix matched', () => {
    const message = renderDashboards([dashboard('prod-api', 1)], { namePrefix: 'prod-', share: true }, settings);
    expect(message.response_type).toBe('in_channel');
    expect(JSON.stringify(message.blocks)).toContain('names starting prod-');
  });

  it('says a prefix matched nothing, and how to list them all, rather than an empty list', () => {
    const message = renderDashboards([], { namePrefix: 'stagin', share: false }, settings);
    expect(message.blocks).toBeUndefined();
    expect(message.text).toBe(':mag: No dashboard has a name starting `stagin`; `/cw dashboards` lists them all.');
    expect(renderDashboards([], { namePrefix: undefined, share: false }, settings).text).toBe(
      'This account has no CloudWatch dashboards.',
    );
  });

  it('stays within Block Kit for a thousand dashboards with the longest names, and says how many it left out', () => {
    // Prepare
    const many = Array.from({ length: 1000 }, (_, i) =>
      dashboard(`${String(i).padStart(4, '0')}${'x'.repeat(251)}`, i),
    );

    // Act
    const message = renderDashboards(many, { namePrefix: undefined, share: false }, settings);

    // Assess
    expectValidMessage(message);
    expectNoStrayAngleBrackets(message);
    expect(JSON.stringify(message.blocks)).toContain('1000 dashboards · showing the 100 changed last');
  });
});
