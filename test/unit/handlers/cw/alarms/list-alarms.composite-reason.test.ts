import { describe, expect, it } from 'vitest';
import { listAlarms } from '../../../../../handlers/cw/alarms/list-alarms.ts';
import type { AlarmSummary } from '../../../../../handlers/ports.ts';
import { shownText } from '../../../../fixtures/block-kit.ts';

describe('handlers/cw/alarms: composite reasons', () => {
  it('names the child alarm in a composite alarm’s reason instead of its ARN', async () => {
    // Prepare: CloudWatch's composite reason, as in AWS's EventBridge sample
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html).
    const composite: AlarmSummary = {
      name: 'checkout-health',
      kind: 'composite',
      state: 'OK',
      reason: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-api-errors transitioned to OK',
      updatedAt: new Date('2026-11-25T11:00:00Z'),
    };
    const deps = {
      alarms: { describeAlarms: async () => [composite] },
      region: 'us-east-1',
      now: () => new Date('2026-11-25T12:00:00Z'),
    };

    // Act
    const message = await listAlarms(deps, { state: undefined, namePrefix: undefined });

    // Assess
    const text = shownText(message);
    expect(text).toContain('checkout-api-errors transitioned to OK');
    expect(text).not.toContain('arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-api-errors');
  });
});
